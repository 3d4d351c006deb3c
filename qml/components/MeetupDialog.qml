// Proposes a meet-up as a card: which day (today up to six days on), the time (15:30) and the
// place. The room checks it and sends the card; the dialog closes once it is on its way.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic

Basic.Dialog {
    id: dialog
    objectName: "meetupDialog"
    signal proposed(int dayOffset, string timeText, string place)

    anchors.centerIn: parent
    width: Math.min(420, parent ? parent.width - 2 * Theme.spaceL : 420)
    modal: true
    padding: Theme.spaceL
    title: qsTr("Propose a meet-up")
    onOpened: { place.text = ""; time.text = "15:00"; day.currentIndex = 1 }
    background: Rectangle { color: Theme.surfaceRaised; radius: Theme.radiusL; border.color: Theme.border }
    header: Text {
        text: dialog.title
        padding: Theme.spaceL
        bottomPadding: 0
        textFormat: Text.PlainText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontTitle
        font.weight: Font.Bold
        color: Theme.text
    }
    contentItem: ColumnLayout {
        spacing: Theme.spaceS
        FieldLabel {
            Layout.fillWidth: true
            label: qsTr("Day")
            reservesMessageLine: false
            ChoiceBox {
                id: day
                objectName: "meetupDay"
                width: parent.width
                model: {
                    const days = [{ text: qsTr("Today"), value: 0 }, { text: qsTr("Tomorrow"), value: 1 }]
                    for (let i = 2; i < 7; ++i) {
                        const d = new Date()
                        d.setDate(d.getDate() + i)
                        days.push({ text: d.toLocaleDateString(Qt.locale(), "dddd, MMM d"), value: i })
                    }
                    return days
                }
            }
        }
        FieldLabel {
            Layout.fillWidth: true
            label: qsTr("Time")
            reservesMessageLine: false
            FormField {
                id: time
                objectName: "meetupTime"
                width: parent.width
                placeholderText: "15:30"
                inputMethodHints: Qt.ImhTime
            }
        }
        FieldLabel {
            Layout.fillWidth: true
            label: qsTr("Place")
            reservesMessageLine: false
            FormField {
                id: place
                objectName: "meetupPlace"
                width: parent.width
                maximumLength: 200
                placeholderText: qsTr("Hongik Univ. Station, exit 2")
            }
        }
    }
    footer: Item {
        implicitHeight: buttons.implicitHeight + Theme.spaceL
        RowLayout {
            id: buttons
            anchors.right: parent.right
            anchors.top: parent.top
            anchors.rightMargin: Theme.spaceL
            spacing: Theme.spaceS
            AppButton { kind: "secondary"; text: qsTr("Cancel"); onClicked: dialog.reject() }
            AppButton {
                objectName: "meetupSend"
                text: qsTr("Send card")
                onClicked: dialog.proposed(day.currentValue, time.text, place.text)
            }
        }
    }
}
