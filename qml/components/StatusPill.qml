// A listing's status as a small coloured pill: reserved in amber, sold greyed, others accent.
import QtQuick

Rectangle {
    id: pill
    property string status
    property string text
    readonly property color tone: status === "reserved" ? Theme.warning
                                 : status === "active" ? Theme.success
                                 : status === "sold" || status === "ended" || status === "removed"
                                   ? Theme.textMuted : Theme.accent

    implicitWidth: label.implicitWidth + Theme.spaceM
    implicitHeight: 22
    radius: 11
    color: Qt.rgba(tone.r, tone.g, tone.b, 0.14)
    Text {
        id: label
        textFormat: Text.PlainText
        anchors.centerIn: parent
        text: pill.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontCaption
        font.weight: Font.Bold
        color: pill.tone
    }
}
