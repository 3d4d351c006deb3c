// A short message at the bottom of the window that goes away by itself.
import QtQuick

Rectangle {
    id: root
    property bool isError: false
    readonly property alias message: label.text

    function show(message, error) {
        label.text = message
        isError = error === true
        opacity = 1
        hideTimer.restart()
    }

    width: Math.min(label.implicitWidth + 2 * Theme.spaceL, parent ? parent.width - 2 * Theme.spaceL : 400)
    height: 44
    radius: Theme.radiusM
    color: isError ? Theme.danger : (Theme.dark ? "#F2F2F7" : "#1F1F27")
    opacity: 0
    visible: opacity > 0
    Behavior on opacity { NumberAnimation { duration: Theme.animationNormal } }

    Text {
        id: label
        textFormat: Text.PlainText
        anchors.centerIn: parent
        width: Math.min(implicitWidth, root.width - 2 * Theme.spaceM)
        elide: Text.ElideRight
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: root.isError ? "#FFFFFF" : (Theme.dark ? "#15151C" : "#FFFFFF")
    }
    Timer { id: hideTimer; interval: 3500; onTriggered: root.opacity = 0 }
}
