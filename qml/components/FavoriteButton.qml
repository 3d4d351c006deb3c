// The heart: filled when the item is a favorite, with the count beside it when asked.
import QtQuick
import QtQuick.Controls.Basic as Basic

Basic.AbstractButton {
    id: control
    property bool favorite: false
    property int count: -1
    property bool onImage: false

    implicitHeight: 36
    implicitWidth: row.implicitWidth + (count >= 0 ? Theme.spaceM : Theme.spaceS)
    hoverEnabled: true
    Accessible.name: favorite ? qsTr("Remove from favorites") : qsTr("Add to favorites")

    background: Rectangle {
        radius: height / 2
        color: control.onImage ? Qt.rgba(0, 0, 0, control.hovered ? 0.5 : 0.32)
                               : (control.hovered ? Theme.surfaceSunken : "transparent")
        border.width: control.onImage ? 0 : 1
        border.color: control.favorite ? Theme.heart : Theme.border
    }
    contentItem: Item {
        Row {
            id: row
            anchors.centerIn: parent
            spacing: Theme.spaceXs
            Icon {
                id: heart
                name: control.favorite ? "heart-filled" : "heart"
                color: control.favorite ? Theme.heart : (control.onImage ? "#FFFFFF" : Theme.text)
                size: 20
                anchors.verticalCenter: parent.verticalCenter
                scale: control.down ? 0.85 : 1
                Behavior on scale { NumberAnimation { duration: Theme.animationFast } }
            }
            Text {
                textFormat: Text.PlainText
                visible: control.count >= 0
                text: control.count
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
                color: control.onImage ? "#FFFFFF" : Theme.text
                anchors.verticalCenter: parent.verticalCenter
            }
        }
    }
}
