// Buying a fixed-price listing: the price, and how the two will trade, meeting in person or
// paying safely through the app (the money is held until the buyer confirms the item arrived).
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic

Basic.Dialog {
    id: dialog
    objectName: "buyDialog"
    property string itemTitle
    property string priceText
    property bool busy: false
    property string method: "escrow"
    signal buyRequested(string method)

    anchors.centerIn: parent
    width: Math.min(460, parent ? parent.width - 2 * Theme.spaceL : 460)
    modal: true
    padding: Theme.spaceL
    title: qsTr("Buy “%1”").arg(itemTitle)
    onAboutToShow: method = "escrow"
    implicitHeight: topPadding + bottomPadding + contentItem.implicitHeight
                    + header.implicitHeight + footer.implicitHeight + 2 * spacing
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
    contentItem: ColumnLayout {
        spacing: Theme.spaceS
        Text {
            objectName: "buyPrice"
            textFormat: Text.PlainText
            text: dialog.priceText
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontDisplay
            font.weight: Font.Bold
            color: Theme.text
        }
        Text {
            textFormat: Text.PlainText
            text: qsTr("How do you want to trade?")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
            font.weight: Font.DemiBold
            color: Theme.textMuted
        }
        Repeater {
            model: [
                { value: "escrow", name: "buyEscrow", title: qsTr("Safe payment"),
                  detail: qsTr("Pay by card now. The money is held until you confirm the item arrived.") },
                { value: "in_person", name: "buyInPerson", title: qsTr("Meet in person"),
                  detail: qsTr("Meet the seller, check the item and pay them there. No fee.") }
            ]
            delegate: Basic.AbstractButton {
                id: choice
                required property var modelData
                objectName: modelData.name
                Layout.fillWidth: true
                readonly property bool chosen: dialog.method === modelData.value
                hoverEnabled: true
                onClicked: dialog.method = modelData.value
                Accessible.role: Accessible.RadioButton
                Accessible.name: modelData.title
                padding: Theme.spaceM
                background: Rectangle {
                    radius: Theme.radiusM
                    color: choice.chosen ? Theme.accentSoft : (choice.hovered ? Theme.surfaceSunken : Theme.surface)
                    border.width: choice.chosen ? 2 : 1
                    border.color: choice.chosen ? Theme.accent : Theme.border
                }
                contentItem: RowLayout {
                    spacing: Theme.spaceM
                    Rectangle {
                        Layout.alignment: Qt.AlignTop
                        Layout.topMargin: 2
                        width: 18
                        height: 18
                        radius: 9
                        border.width: 2
                        border.color: choice.chosen ? Theme.accent : Theme.borderStrong
                        color: "transparent"
                        Rectangle {
                            anchors.centerIn: parent
                            width: 8
                            height: 8
                            radius: 4
                            visible: choice.chosen
                            color: Theme.accent
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Text {
                            textFormat: Text.PlainText
                            text: choice.modelData.title
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        Text {
                            Layout.fillWidth: true
                            textFormat: Text.PlainText
                            wrapMode: Text.WordWrap
                            text: choice.modelData.detail
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontCaption
                            color: Theme.textMuted
                        }
                    }
                }
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
            AppButton { kind: "secondary"; text: qsTr("Not now"); onClicked: dialog.reject() }
            AppButton {
                objectName: "buyConfirm"
                text: qsTr("Buy")
                busy: dialog.busy
                enabled: !dialog.busy
                onClicked: dialog.buyRequested(dialog.method)
            }
        }
    }
}
