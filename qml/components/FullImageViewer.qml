// A photo at full size over the whole window; ←/→ to move, Esc or a click to close.
import QtQuick
import QtQuick.Controls.Basic as Basic
import QtQuick.Controls as Controls

Basic.Popup {
    id: root
    property var photos
    property int index: 0

    parent: Controls.Overlay.overlay
    x: 0
    y: 0
    width: parent ? parent.width : 0
    height: parent ? parent.height : 0
    modal: true
    focus: true
    padding: 0
    closePolicy: Basic.Popup.CloseOnEscape
    background: Rectangle { color: "#F0000000" }

    contentItem: FocusScope {
        focus: true
        Keys.onLeftPressed: root.index = Math.max(0, root.index - 1)
        Keys.onRightPressed: root.index = Math.min(repeater.count - 1, root.index + 1)
        Repeater {
            id: repeater
            model: root.photos
            delegate: Image {
                required property int index
                required property url url
                anchors.fill: parent
                anchors.margins: Theme.spaceXl
                visible: index === root.index
                source: visible || Math.abs(index - root.index) === 1 ? url : ""
                asynchronous: true
                fillMode: Image.PreserveAspectFit
                Basic.BusyIndicator { anchors.centerIn: parent; running: parent.status === Image.Loading }
            }
        }
        TapHandler { onTapped: root.close() }
        IconButton {
            anchors { right: parent.right; top: parent.top; margins: Theme.spaceM }
            filled: true
            iconName: "close"
            iconColor: "#FFFFFF"
            tip: qsTr("Close (Esc)")
            onClicked: root.close()
        }
        IconButton {
            anchors { left: parent.left; verticalCenter: parent.verticalCenter; margins: Theme.spaceM }
            visible: root.index > 0
            filled: true
            iconName: "back"
            iconColor: "#FFFFFF"
            tip: qsTr("Previous photo")
            onClicked: root.index -= 1
        }
        IconButton {
            anchors { right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.spaceM }
            visible: root.index < repeater.count - 1
            filled: true
            iconName: "forward"
            iconColor: "#FFFFFF"
            tip: qsTr("Next photo")
            onClicked: root.index += 1
        }
    }
}
