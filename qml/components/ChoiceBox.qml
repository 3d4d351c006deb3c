// A drop-down choice in the app's style over a list of {text, value} (and an
// optional depth, indented): the filters' sort, category and sale type, and a
// listing's status on My listings.
import QtQuick
import QtQuick.Controls.Basic as Basic

Basic.ComboBox {
    id: combo
    implicitHeight: Theme.controlHeight
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    textRole: "text"
    valueRole: "value"
    background: Rectangle {
        radius: Theme.radiusS
        color: Theme.surface
        border.width: combo.visualFocus ? 2 : 1
        border.color: combo.visualFocus ? Theme.accent : Theme.border
    }
    contentItem: Text {
        textFormat: Text.PlainText
        leftPadding: Theme.spaceM - 4
        rightPadding: combo.indicator.width
        text: combo.displayText
        font: combo.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    indicator: Icon {
        x: combo.width - width - Theme.spaceS
        y: (combo.height - height) / 2
        name: "forward"
        rotation: 90
        size: 16
        color: Theme.textMuted
    }
    delegate: Component {
        Basic.ItemDelegate {
            required property var modelData
            required property int index
            width: combo.width
            highlighted: combo.highlightedIndex === index
            contentItem: Text {
                textFormat: Text.PlainText
                text: modelData.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.text
                leftPadding: (modelData.depth || 0) * Theme.spaceM
            }
            background: Rectangle { color: highlighted ? Theme.accentSoft : Theme.surfaceRaised }
        }
    }
    popup.background: Rectangle {
        color: Theme.surfaceRaised
        radius: Theme.radiusS
        border.color: Theme.border
    }
}
