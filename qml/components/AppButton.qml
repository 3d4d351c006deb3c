// The app's button: primary (filled accent), secondary (outlined), quiet
// (text only) or danger, with an optional leading icon and a busy state.
import QtQuick
import QtQuick.Controls.Basic as Basic

Basic.Button {
    id: control
    property string kind: "primary"
    property string iconName
    property bool busy: false

    readonly property color fillColor: {
        if (kind === "primary")
            return hovered && enabled ? Theme.accentHover : Theme.accent
        if (kind === "danger")
            return Theme.danger
        return hovered && enabled ? Theme.surfaceSunken : "transparent"
    }
    readonly property color labelColor: (kind === "primary" || kind === "danger")
                                        ? Theme.textOnAccent
                                        : (kind === "quiet" ? Theme.accent : Theme.text)

    implicitHeight: Theme.controlHeight
    implicitWidth: Math.max(96, contentItem.implicitWidth + leftPadding + rightPadding)
    leftPadding: Theme.spaceM
    rightPadding: Theme.spaceM
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    font.weight: Font.DemiBold
    opacity: enabled ? 1 : 0.45
    hoverEnabled: true

    background: Rectangle {
        radius: Theme.radiusS
        color: control.fillColor
        border.width: control.kind === "secondary" ? 1 : 0
        border.color: Theme.borderStrong
        scale: control.down ? 0.98 : 1
        Behavior on color { ColorAnimation { duration: Theme.animationFast } }
    }
    contentItem: Row {
        spacing: Theme.spaceS
        anchors.centerIn: parent
        Basic.BusyIndicator {
            visible: control.busy
            running: control.busy
            width: 18
            height: 18
            anchors.verticalCenter: parent.verticalCenter
        }
        Icon {
            visible: control.iconName.length > 0 && !control.busy
            name: control.iconName
            color: control.labelColor
            size: 18
            anchors.verticalCenter: parent.verticalCenter
        }
        Text {
            textFormat: Text.PlainText
            text: control.text
            font: control.font
            color: control.labelColor
            anchors.verticalCenter: parent.verticalCenter
        }
    }
}
