// A single-line text field in the app's style; red border when `error` is set, sunken and
// faint when it cannot be changed.
import QtQuick
import QtQuick.Controls.Basic as Basic

Basic.TextField {
    id: control
    property bool error: false
    property string iconName

    implicitHeight: Theme.controlHeight
    leftPadding: iconName.length > 0 ? 40 : Theme.spaceM - 4
    rightPadding: Theme.spaceM - 4
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    color: enabled ? Theme.text : Theme.textMuted
    placeholderTextColor: Theme.textFaint
    selectionColor: Theme.accent
    selectedTextColor: Theme.textOnAccent
    selectByMouse: true
    background: Rectangle {
        radius: Theme.radiusS
        color: control.enabled ? Theme.surface : Theme.surfaceSunken
        border.width: control.activeFocus || control.error ? 2 : 1
        border.color: control.error ? Theme.danger
                                    : (control.activeFocus ? Theme.accent : Theme.border)
        Icon {
            visible: control.iconName.length > 0
            name: control.iconName
            color: Theme.textFaint
            size: 18
            anchors.verticalCenter: parent.verticalCenter
            x: 14
        }
    }
}
