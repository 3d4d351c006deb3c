// "Chats" in the navigation; a badge counts the unread messages of every room.
import QtQuick
import BitMarket.Client

NavButton {
    id: button
    objectName: "navChats"
    property int unread: Chats.totalUnread
    text: qsTr("Chats")
    iconName: "chat"
    Accessible.name: unread > 0 ? qsTr("Chats, %n unread", "", unread) : qsTr("Chats")

    CountBadge {
        objectName: "chatsBadge"
        textObjectName: "chatsBadgeText"
        count: button.unread
        x: button.width / 2 + 4
        y: 8
    }
}
