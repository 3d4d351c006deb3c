// A photo at full size over the whole window; ←/→ to move, Esc or a click to
// close. The wheel, a pinch, the +/− buttons or keys zoom in (up to five
// times), a drag then moves about the photo, 0 goes back to the whole photo. Where it was closed is where the listing's photos stay.
import QtQuick
import QtQuick.Controls.Basic as Basic
import QtQuick.Controls as Controls

Basic.Popup {
    id: root
    objectName: "fullImageViewer"
    property var photos
    property int index: 0
    // How much the photo shown is enlarged: 1 shows all of it.
    property real zoom: 1
    readonly property real maxZoom: 5

    function zoomBy(factor) { zoomAround(zoom * factor, null) }
    // Zooms keeping the photo's point under `at` (a point of the view, or its centre) in place.
    function zoomAround(next, at) {
        const frame = repeater.itemAt(index)
        if (!frame)
            return
        const clamped = Math.max(1, Math.min(maxZoom, next))
        const cx = at ? at.x : frame.width / 2
        const cy = at ? at.y : frame.height / 2
        const px = (frame.contentX + cx) / zoom
        const py = (frame.contentY + cy) / zoom
        zoom = clamped
        frame.contentX = Math.max(0, Math.min(frame.contentWidth - frame.width, px * clamped - cx))
        frame.contentY = Math.max(0, Math.min(frame.contentHeight - frame.height, py * clamped - cy))
    }
    onIndexChanged: zoom = 1
    onOpened: zoom = 1

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
        Keys.onPressed: function (event) {
            if (event.key === Qt.Key_Plus || event.key === Qt.Key_Equal) {
                root.zoomBy(1.5)
                event.accepted = true
            } else if (event.key === Qt.Key_Minus) {
                root.zoomBy(1 / 1.5)
                event.accepted = true
            } else if (event.key === Qt.Key_0) {
                root.zoom = 1
                event.accepted = true
            }
        }
        // A click beside the photo closes it; on an enlarged photo a click is part of moving about.
        TapHandler { enabled: root.zoom === 1; onTapped: root.close() }
        Repeater {
            id: repeater
            model: root.photos
            delegate: Flickable {
                id: frame
                required property int index
                required property url url
                readonly property bool current: index === root.index
                readonly property real zoom: current ? root.zoom : 1
                objectName: current ? "fullImageFrame" : ""
                anchors.fill: parent
                anchors.margins: Theme.spaceXl
                visible: current
                clip: true
                contentWidth: width * zoom
                contentHeight: height * zoom
                interactive: zoom > 1
                boundsBehavior: Flickable.StopAtBounds
                Image {
                    objectName: frame.current ? "fullImage" : ""
                    width: frame.contentWidth
                    height: frame.contentHeight
                    source: frame.visible || Math.abs(frame.index - root.index) === 1 ? frame.url : ""
                    asynchronous: true
                    fillMode: Image.PreserveAspectFit
                    Basic.BusyIndicator { anchors.centerIn: parent; running: parent.status === Image.Loading }
                }
                WheelHandler {
                    acceptedDevices: PointerDevice.Mouse | PointerDevice.TouchPad
                    onWheel: function (event) {
                        root.zoomAround(root.zoom * (event.angleDelta.y > 0 ? 1.25 : 0.8),
                                        Qt.point(point.position.x - frame.contentX, point.position.y - frame.contentY))
                    }
                }
                PinchHandler {
                    property real startZoom: 1
                    target: null
                    onActiveChanged: if (active) startZoom = root.zoom
                    onActiveScaleChanged: root.zoomAround(startZoom * activeScale, null)
                }
            }
        }
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
        Rectangle {
            anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter; margins: Theme.spaceM }
            width: zoomRow.implicitWidth + Theme.spaceS
            height: 44
            radius: 22
            color: Qt.rgba(0, 0, 0, 0.55)
            Row {
                id: zoomRow
                anchors.centerIn: parent
                spacing: Theme.spaceXs
                IconButton {
                    objectName: "zoomOutButton"
                    enabled: root.zoom > 1
                    opacity: enabled ? 1 : 0.4
                    filled: true
                    iconName: "minus"
                    iconColor: "#FFFFFF"
                    tip: qsTr("Zoom out (−)")
                    onClicked: root.zoomBy(1 / 1.5)
                }
                Text {
                    objectName: "zoomLevel"
                    textFormat: Text.PlainText
                    width: 52
                    anchors.verticalCenter: parent.verticalCenter
                    horizontalAlignment: Text.AlignHCenter
                    text: Math.round(root.zoom * 100) + "%"
                    color: "#FFFFFF"
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                }
                IconButton {
                    objectName: "zoomInButton"
                    enabled: root.zoom < root.maxZoom
                    opacity: enabled ? 1 : 0.4
                    filled: true
                    iconName: "plus"
                    iconColor: "#FFFFFF"
                    tip: qsTr("Zoom in (+)")
                    onClicked: root.zoomBy(1.5)
                }
            }
        }
    }
}
