// One order, for the buyer or the seller: the item and the amount on top (the seller also sees
// the fee and what they receive), the steps so far with their times, and on the right what
// happens next and the step that is this side's to take: pay, ship with the tracking number,
// confirm, or cancel with a reason. It follows the order live.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Item {
    id: page
    objectName: "orderPage"
    property alias orderId: order.orderId
    property alias order: order
    signal back()
    signal listingOpened(string listingId)
    signal notice(string message, bool isError)

    OrderDetail {
        id: order
        orders: Orders
        onStepDone: function (message) { page.notice(message, false) }
    }

    Keys.onEscapePressed: page.back()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spaceL
        spacing: Theme.spaceM

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spaceS
            IconButton { objectName: "backButton"; iconName: "back"; tip: qsTr("Back (Esc)"); onClicked: page.back() }
            Text {
                textFormat: Text.PlainText
                text: qsTr("Order")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.weight: Font.Bold
                color: Theme.text
            }
            StatusPill {
                objectName: "orderStatus"
                visible: order.loaded
                status: order.status
                text: order.statusText
            }
            Item { Layout.fillWidth: true }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: order.loaded
            spacing: Theme.spaceL

            Basic.ScrollView {
                Layout.fillWidth: true
                Layout.fillHeight: true
                contentWidth: availableWidth
                clip: true
                ColumnLayout {
                    width: parent.width
                    spacing: Theme.spaceM

                    // The item: a click opens its listing.
                    Rectangle {
                        Layout.fillWidth: true
                        implicitHeight: itemRow.implicitHeight + 2 * Theme.spaceM
                        radius: Theme.radiusM
                        color: itemMouse.containsMouse ? Theme.surfaceSunken : Theme.surface
                        border.color: Theme.border
                        MouseArea {
                            id: itemMouse
                            anchors.fill: parent
                            hoverEnabled: true
                            cursorShape: Qt.PointingHandCursor
                            onClicked: page.listingOpened(order.listingId)
                        }
                        RowLayout {
                            id: itemRow
                            anchors.fill: parent
                            anchors.margins: Theme.spaceM
                            spacing: Theme.spaceM
                            AsyncImage {
                                Layout.preferredWidth: 96
                                Layout.preferredHeight: 96
                                Layout.alignment: Qt.AlignTop
                                radius: Theme.radiusS
                                source: order.thumbUrl
                                sourceSize: Qt.size(192, 192)
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 2
                                Text {
                                    objectName: "orderTitle"
                                    Layout.fillWidth: true
                                    textFormat: Text.PlainText
                                    text: order.title
                                    elide: Text.ElideRight
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontHeading
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                }
                                Text {
                                    objectName: "orderAmount"
                                    textFormat: Text.PlainText
                                    text: order.amountText
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontTitle
                                    font.weight: Font.Bold
                                    color: Theme.text
                                }
                                Text {
                                    objectName: "orderFee"
                                    visible: text.length > 0
                                    textFormat: Text.PlainText
                                    text: order.feeText
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontCaption
                                    color: Theme.textMuted
                                }
                                Text {
                                    objectName: "orderCounterpart"
                                    Layout.fillWidth: true
                                    textFormat: Text.PlainText
                                    text: order.counterpartText + " · " + order.methodText
                                    elide: Text.ElideRight
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontCaption
                                    color: Theme.textMuted
                                }
                            }
                        }
                    }

                    Text {
                        textFormat: Text.PlainText
                        text: qsTr("Steps")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.DemiBold
                        color: Theme.text
                    }
                    // The timeline, oldest first: a dot per step, joined by a line.
                    Repeater {
                        model: order.steps
                        delegate: RowLayout {
                            required property var modelData
                            required property int index
                            objectName: "orderStep_" + index
                            property string text: modelData.text
                            Layout.fillWidth: true
                            spacing: Theme.spaceM
                            Item {
                                Layout.preferredWidth: 16
                                Layout.fillHeight: true
                                Rectangle {
                                    anchors.horizontalCenter: parent.horizontalCenter
                                    y: 4
                                    width: 12
                                    height: 12
                                    radius: 6
                                    color: index === order.steps.length - 1 ? Theme.accent : Theme.borderStrong
                                }
                                Rectangle {
                                    anchors.horizontalCenter: parent.horizontalCenter
                                    y: 18
                                    width: 2
                                    height: parent.height - 14
                                    visible: index < order.steps.length - 1
                                    color: Theme.border
                                }
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                Layout.bottomMargin: Theme.spaceS
                                spacing: 0
                                Text {
                                    Layout.fillWidth: true
                                    textFormat: Text.PlainText
                                    wrapMode: Text.WordWrap
                                    text: modelData.text
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontBody
                                    font.weight: index === order.steps.length - 1 ? Font.DemiBold : Font.Normal
                                    color: Theme.text
                                }
                                Text {
                                    textFormat: Text.PlainText
                                    text: modelData.timeText
                                    font.family: Theme.fontFamily
                                    font.pixelSize: Theme.fontCaption
                                    color: Theme.textFaint
                                }
                            }
                        }
                    }
                }
            }

            // What happens next, and this side's step.
            Rectangle {
                Layout.preferredWidth: 360
                Layout.alignment: Qt.AlignTop
                implicitHeight: next.implicitHeight + 2 * Theme.spaceL
                radius: Theme.radiusM
                color: Theme.surface
                border.color: Theme.border
                ColumnLayout {
                    id: next
                    anchors.fill: parent
                    anchors.margins: Theme.spaceL
                    spacing: Theme.spaceM
                    Text {
                        textFormat: Text.PlainText
                        text: qsTr("What happens next")
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.DemiBold
                        color: Theme.text
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spaceS
                        Basic.BusyIndicator {
                            Layout.preferredWidth: 24
                            Layout.preferredHeight: 24
                            visible: order.paymentInProgress
                            running: visible
                        }
                        Text {
                            objectName: "orderNextStep"
                            Layout.fillWidth: true
                            textFormat: Text.PlainText
                            wrapMode: Text.WordWrap
                            text: order.nextStepText
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            color: order.paymentFailed ? Theme.danger : Theme.textMuted
                        }
                    }
                    Text {
                        objectName: "orderShipment"
                        Layout.fillWidth: true
                        visible: text.length > 0
                        textFormat: Text.PlainText
                        wrapMode: Text.WordWrap
                        text: order.shipmentText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                    }
                    Text {
                        objectName: "orderAutoConfirm"
                        Layout.fillWidth: true
                        visible: text.length > 0
                        textFormat: Text.PlainText
                        wrapMode: Text.WordWrap
                        text: order.autoConfirmText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                        color: Theme.textMuted
                    }
                    AppButton {
                        objectName: "payButton"
                        Layout.fillWidth: true
                        visible: order.canPay
                        kind: order.paymentInProgress ? "secondary" : "primary"
                        text: order.paymentInProgress ? qsTr("Open the checkout again")
                                                      : qsTr("Pay %1").arg(order.amountText)
                        busy: order.busy
                        enabled: !order.busy
                        onClicked: order.pay()
                    }
                    // The seller's shipment: carrier and tracking number, checked before sending.
                    ColumnLayout {
                        Layout.fillWidth: true
                        visible: order.canShip
                        spacing: Theme.spaceXs
                        FieldLabel {
                            Layout.fillWidth: true
                            label: qsTr("Carrier")
                            error: order.carrierError
                            FormField {
                                id: carrier
                                objectName: "shipCarrier"
                                width: parent.width
                                maximumLength: 60
                                error: order.carrierError.length > 0
                                placeholderText: qsTr("CJ Logistics")
                            }
                        }
                        FieldLabel {
                            Layout.fillWidth: true
                            label: qsTr("Tracking number")
                            error: order.trackingError
                            FormField {
                                id: tracking
                                objectName: "shipTracking"
                                width: parent.width
                                maximumLength: 60
                                error: order.trackingError.length > 0
                                placeholderText: "6123-4567-8901"
                            }
                        }
                        AppButton {
                            objectName: "shipButton"
                            Layout.fillWidth: true
                            text: qsTr("Mark as shipped")
                            busy: order.busy
                            enabled: !order.busy
                            onClicked: order.ship(carrier.text, tracking.text)
                        }
                    }
                    AppButton {
                        objectName: "confirmButton"
                        Layout.fillWidth: true
                        visible: order.canConfirm
                        text: order.confirmText
                        iconName: "check"
                        busy: order.busy
                        enabled: !order.busy
                        onClicked: order.confirm()
                    }
                    Text {
                        objectName: "orderActionError"
                        Layout.fillWidth: true
                        visible: text.length > 0
                        textFormat: Text.PlainText
                        wrapMode: Text.WordWrap
                        text: order.actionError
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                        color: Theme.danger
                    }
                    AppButton {
                        objectName: "cancelOrderButton"
                        Layout.fillWidth: true
                        visible: order.canCancel
                        kind: "quiet"
                        text: qsTr("Cancel order")
                        enabled: !order.busy
                        onClicked: cancelDialog.open()
                    }
                }
            }
        }

        Item {
            Layout.fillHeight: true
            visible: !order.loaded
        }
    }

    Basic.BusyIndicator {
        anchors.centerIn: parent
        running: order.loading && !order.loaded
        visible: running
    }
    EmptyState {
        objectName: "orderLoadError"
        anchors.centerIn: parent
        visible: !order.loading && !order.loaded && order.errorMessage.length > 0
        iconName: "alert"
        title: qsTr("Could not open this order")
        detail: order.errorMessage
        actionText: qsTr("Try again")
        onAction: order.reload()
    }

    CancelOrderDialog {
        id: cancelDialog
        refunds: order.cancelRefunds
        onCancelRequested: function (reason) { order.cancel(reason) }
    }
}
