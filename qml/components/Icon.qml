// A theme-tinted line icon from assets/client/icons.
import QtQuick

Image {
    id: icon
    property string name
    property color color: Theme.text
    property int size: 20

    width: size
    height: size
    sourceSize: Qt.size(size * Screen.devicePixelRatio, size * Screen.devicePixelRatio)
    source: name.length > 0 ? Theme.iconSource(name, color) : ""
    fillMode: Image.PreserveAspectFit
    smooth: true
}
