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

    Rectangle {
        objectName: "notificationBadge"
        visible: bell.unread > 0
        x: bell.width / 2 + 4
        y: 8
        height: 18
        width: Math.max(18, badgeText.implicitWidth + 10)
        radius: 9
        color: Theme.heart
        border.color: Theme.surface
        border.width: 2
        Text {
            id: badgeText
            objectName: "notificationBadgeText"
            textFormat: Text.PlainText
            anchors.centerIn: parent
            text: bell.unread > 99 ? "99+" : bell.unread
            font.family: Theme.fontFamily
            font.pixelSize: 10
            font.weight: Font.Bold
            color: "#FFFFFF"
        }
    }
}
