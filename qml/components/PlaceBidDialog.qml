// Asks for a maximum bid and says in one sentence what a maximum means. Starts at the
// minimum the server takes; stays open while the bid is on its way and shows why one was
// refused, so the bidder can correct it in place. The page closes it once it is accepted.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Basic.Dialog {
    id: dialog
    objectName: "placeBidDialog"
    property LiveAuction auction

    function start() {
        auction.clearError()
        amount.text = auction.leading ? "" : auction.minNextBidInput
        open()
        amount.forceActiveFocus()
        amount.selectAll()
    }
    function send() {
        auction.placeBid(amount.text)
    }

    anchors.centerIn: parent
    width: Math.min(440, parent ? parent.width - 2 * Theme.spaceL : 440)
    modal: true
    padding: Theme.spaceL
    title: auction && auction.leading ? qsTr("Raise your maximum") : qsTr("Place a bid")
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
        spacing: Theme.spaceM
        Text {
            objectName: "maxExplanation"
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            textFormat: Text.PlainText
            text: qsTr("Enter the most you would pay: we bid for you only as much as it takes to keep you ahead, up to that amount, and nobody sees it.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }
        FieldLabel {
            Layout.fillWidth: true
            label: qsTr("Your maximum (₩)")
            hint: dialog.auction && dialog.auction.leading
                  ? qsTr("Now %1. Enter more to raise it.").arg(dialog.auction.yourMaxText)
                  : dialog.auction ? qsTr("At least %1 (current price %2)").arg(dialog.auction.minNextBidText).arg(dialog.auction.currentPriceText) : ""
            error: dialog.auction ? dialog.auction.errorMessage : ""
            FormField {
                id: amount
                objectName: "bidAmountField"
                width: parent.width
                error: dialog.auction && dialog.auction.errorMessage.length > 0
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                onTextEdited: dialog.auction.clearError()
                onAccepted: dialog.send()
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
            AppButton {
                objectName: "bidDialogCancel"
                kind: "secondary"
                text: qsTr("Cancel")
                onClicked: dialog.reject()
            }
            AppButton {
                objectName: "bidDialogConfirm"
                text: qsTr("Place bid")
                iconName: "gavel"
                busy: dialog.auction && dialog.auction.busy
                enabled: amount.text.trim().length > 0 && !(dialog.auction && dialog.auction.busy)
                onClicked: dialog.send()
            }
        }
    }
}
