// What a page says when there is nothing to show, and what to do about it.
import QtQuick
import QtQuick.Layouts

ColumnLayout {
    id: root
    property string iconName: "search"
    property string title
    property string detail
    property string actionText
    signal action()

    spacing: Theme.spaceS
    Rectangle {
        Layout.alignment: Qt.AlignHCenter
        width: 64
        height: 64
        radius: 32
        color: Theme.accentSoft
        Icon { anchors.centerIn: parent; name: root.iconName; color: Theme.accent; size: 28 }
    }
    Text {
        textFormat: Text.PlainText
        Layout.alignment: Qt.AlignHCenter
        Layout.topMargin: Theme.spaceS
        text: root.title
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontHeading
        font.weight: Font.DemiBold
        color: Theme.text
    }
    Text {
        textFormat: Text.PlainText
        Layout.alignment: Qt.AlignHCenter
        Layout.maximumWidth: 360
        visible: root.detail.length > 0
        text: root.detail
        wrapMode: Text.WordWrap
        horizontalAlignment: Text.AlignHCenter
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: Theme.textMuted
    }
    AppButton {
        Layout.alignment: Qt.AlignHCenter
        Layout.topMargin: Theme.spaceS
        visible: root.actionText.length > 0
        kind: "secondary"
        text: root.actionText
        onClicked: root.action()
    }
}
