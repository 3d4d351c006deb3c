// The red count on a navigation entry (unread alerts, unread chat messages); hidden at 0.
import QtQuick

Rectangle {
    id: badge
    property int count: 0
    property alias textObjectName: badgeText.objectName

    visible: count > 0
    height: 18
    width: Math.max(18, badgeText.implicitWidth + 10)
    radius: 9
    color: Theme.heart
    border.color: Theme.surface
    border.width: 2
    Text {
        id: badgeText
        textFormat: Text.PlainText
        anchors.centerIn: parent
        text: badge.count > 99 ? "99+" : badge.count
        font.family: Theme.fontFamily
        font.pixelSize: 10
        font.weight: Font.Bold
        color: "#FFFFFF"
    }
}
