// A form field's label above it, with its error message below it. The line
// under the field is always there (empty, a hint or an error), so an error that
// comes or goes moves nothing under it.
import QtQuick
import QtQuick.Layouts

ColumnLayout {
    id: root
    property string label
    property string error
    property string hint
    // Off for a choice that cannot be wrong (its line would only be a gap).
    property bool reservesMessageLine: true
    default property alias content: holder.data

    spacing: Theme.spaceXs
    Text {
        textFormat: Text.PlainText
        text: root.label
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
        font.weight: Font.DemiBold
        color: root.error.length > 0 ? Theme.danger : Theme.textMuted
    }
    Item {
        id: holder
        Layout.fillWidth: true
        implicitHeight: childrenRect.height
    }
    Text {
        textFormat: Text.PlainText
        objectName: "fieldMessage"
        Layout.fillWidth: true
        visible: root.reservesMessageLine || text.length > 0
        text: root.error.length > 0 ? root.error : root.hint
        wrapMode: Text.WordWrap
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
        color: root.error.length > 0 ? Theme.danger : Theme.textFaint
    }
}
