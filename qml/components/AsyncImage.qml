// A remote image that loads off the UI thread: a quiet placeholder first,
// a short fade when it arrives, and an icon (not a blank) when it fails.
import QtQuick

Rectangle {
    id: root
    property url source
    property int fillMode: Image.PreserveAspectCrop
    property size sourceSize: Qt.size(0, 0)
    readonly property int status: image.status

    color: Theme.surfaceSunken
    clip: true

    Image {
        id: image
        anchors.fill: parent
        asynchronous: true
        cache: true
        // A phone photo held upright is stored sideways with an EXIF orientation.
        autoTransform: true
        source: root.source
        fillMode: root.fillMode
        sourceSize: root.sourceSize
        opacity: status === Image.Ready ? 1 : 0
        Behavior on opacity { NumberAnimation { duration: Theme.animationNormal } }
    }
    Icon {
        anchors.centerIn: parent
        visible: image.status !== Image.Ready
        name: image.status === Image.Error ? "alert" : "image"
        color: Theme.textFaint
        size: Math.min(32, root.width / 4)
        opacity: image.status === Image.Loading ? 0.6 : 1
    }
}
