// Cancelling an order asks why (the other side reads it) and says what follows: a paid order's
// money goes back to the buyer in full, and the item is for sale again.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic

Basic.Dialog {
    id: dialog
    objectName: "cancelOrderDialog"
    property bool refunds: false
    signal cancelRequested(string reason)

    anchors.centerIn: parent
    width: Math.min(440, parent ? parent.width - 2 * Theme.spaceL : 440)
    modal: true
    padding: Theme.spaceL
    title: qsTr("Cancel this order?")
    onAboutToShow: reason.text = ""
    implicitHeight: topPadding + bottomPadding + contentItem.implicitHeight
                    + header.implicitHeight + footer.implicitHeight + 2 * spacing
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
        Text {
            objectName: "cancelOrderMessage"
            Layout.fillWidth: true
            textFormat: Text.PlainText
            wrapMode: Text.WordWrap
            text: dialog.refunds
                  ? qsTr("The buyer already paid: the payment is refunded to them in full. The item goes back on sale.")
                  : qsTr("The order ends and the item goes back on sale.")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }
        FieldLabel {
            Layout.fillWidth: true
            label: qsTr("Why? The other side sees this.")
            reservesMessageLine: false
            FormField {
                id: reason
                objectName: "cancelOrderReason"
                width: parent.width
                maximumLength: 500
                placeholderText: qsTr("We could not agree on a time")
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
                objectName: "cancelOrderKeep"
                kind: "secondary"
                text: qsTr("Keep the order")
                onClicked: dialog.reject()
            }
            AppButton {
                objectName: "cancelOrderConfirm"
                kind: "danger"
                text: dialog.refunds ? qsTr("Cancel and refund") : qsTr("Cancel order")
                enabled: reason.text.trim().length > 0
                onClicked: { dialog.accept(); dialog.cancelRequested(reason.text) }
            }
        }
    }
}
