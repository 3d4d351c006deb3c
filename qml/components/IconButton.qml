// A round icon-only button with a tooltip; the tooltip doubles as its accessible name.
import QtQuick
import QtQuick.Controls.Basic as Basic

Basic.AbstractButton {
    id: control
    property string iconName
    property color iconColor: Theme.text
    property string tip
    property bool filled: false
    property int iconSize: 20

    implicitWidth: 36
    implicitHeight: 36
    hoverEnabled: true
    Accessible.name: tip
    focusPolicy: Qt.StrongFocus

    background: Rectangle {
        radius: width / 2
        color: control.filled ? Qt.rgba(0, 0, 0, control.hovered ? 0.55 : 0.4)
                              : (control.hovered || control.visualFocus ? Theme.surfaceSunken : "transparent")
        border.width: control.visualFocus ? 2 : 0
        border.color: Theme.accent
    }
    contentItem: Item {
        Icon {
            anchors.centerIn: parent
            name: control.iconName
            color: control.iconColor
            size: control.iconSize
        }
    }
    Basic.ToolTip.visible: hovered && tip.length > 0
    Basic.ToolTip.text: tip
    Basic.ToolTip.delay: 600
}
