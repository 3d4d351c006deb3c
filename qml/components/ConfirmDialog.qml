// Asks before something that cannot be taken back (deleting a listing,
// throwing a draft away): a title, what will be lost, and two buttons on one
// line at the bottom right, the safe one first.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic

Basic.Dialog {
    id: dialog
    property string message
    property string confirmText
    property string cancelText: qsTr("Cancel")
    // "danger" for what destroys, "primary" for a step forward such as a purchase.
    property string confirmKind: "danger"
    signal confirmed()

    anchors.centerIn: parent
    width: Math.min(420, parent ? parent.width - 2 * Theme.spaceL : 420)
    modal: true
    // From the parts' own heights: the stock sum goes through contentHeight and the
    // header's implicit height, and wrapped text reflowing when the width changes (the
    // page is laid out) made it a binding loop.
    implicitHeight: topPadding + bottomPadding + contentItem.implicitHeight
                    + header.implicitHeight + footer.implicitHeight + 2 * spacing
    padding: Theme.spaceL
    background: Rectangle { color: Theme.surfaceRaised; radius: Theme.radiusL; border.color: Theme.border }
    header: Text {
        text: dialog.title
        padding: Theme.spaceL
        bottomPadding: 0
        wrapMode: Text.WordWrap
        textFormat: Text.PlainText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontTitle
        font.weight: Font.Bold
        color: Theme.text
    }
    contentItem: Text {
        text: dialog.message
        wrapMode: Text.WordWrap
        textFormat: Text.PlainText
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        color: Theme.textMuted
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
                objectName: "confirmDialogCancel"
                kind: "secondary"
                text: dialog.cancelText
                onClicked: dialog.reject()
            }
            AppButton {
                objectName: "confirmDialogConfirm"
                kind: dialog.confirmKind
                text: dialog.confirmText
                onClicked: { dialog.accept(); dialog.confirmed() }
            }
        }
    }
}
