// An entry of the side navigation: icon over a short label, accent when current,
// ringed when the keyboard is on it (Tab), and Enter or Space goes there.
import QtQuick
import QtQuick.Controls.Basic as Basic

Basic.AbstractButton {
    id: control
    property string iconName
    property bool current: false

    implicitWidth: 72
    implicitHeight: 60
    hoverEnabled: true
    focusPolicy: Qt.StrongFocus
    Accessible.name: text
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    background: Rectangle {
        anchors.fill: parent
        anchors.margins: Theme.spaceXs
        radius: Theme.radiusM
        color: control.current ? Theme.accentSoft
                               : (control.hovered ? Theme.surfaceSunken : "transparent")
        border.width: control.visualFocus ? 2 : 0
        border.color: Theme.accent
    }
    contentItem: Column {
        spacing: 2
        anchors.centerIn: parent
        Icon {
            anchors.horizontalCenter: parent.horizontalCenter
            name: control.iconName
            color: control.current ? Theme.accent : Theme.textMuted
            size: 22
        }
        Text {
            textFormat: Text.PlainText
            anchors.horizontalCenter: parent.horizontalCenter
            text: control.text
            font.family: Theme.fontFamily
            font.pixelSize: 11
            font.weight: control.current ? Font.DemiBold : Font.Normal
            color: control.current ? Theme.accent : Theme.textMuted
        }
    }
}
