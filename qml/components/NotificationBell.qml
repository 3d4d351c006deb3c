// The bell in the navigation: opens the notification panel; a badge counts what is unread.
import QtQuick
import BitMarket.Client

NavButton {
    id: bell
    objectName: "navNotifications"
    property int unread: Notifications.unreadCount
    text: qsTr("Alerts")
    iconName: "bell"
    Accessible.name: unread > 0 ? qsTr("Notifications, %n unread", "", unread) : qsTr("Notifications")

    CountBadge {
        objectName: "notificationBadge"
        textObjectName: "notificationBadgeText"
        count: bell.unread
        x: bell.width / 2 + 4
        y: 8
    }
}
