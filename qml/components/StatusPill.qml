// A listing's or an order's status as a small coloured pill: reserved or waiting in amber, on
// sale or completed in green, sold, ended or cancelled greyed, others accent.
import QtQuick

Rectangle {
    id: pill
    property string status
    property string text
    readonly property color tone: ["reserved", "awaiting_payment", "awaiting_meetup"].indexOf(status) >= 0
                                  ? Theme.warning
                                 : status === "active" || status === "completed" ? Theme.success
                                 : ["sold", "ended", "removed", "cancelled", "refunded"].indexOf(status) >= 0
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
