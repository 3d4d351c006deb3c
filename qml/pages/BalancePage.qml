// The seller's money: held until buyers confirm, available for the next payout, and paid out;
// below it every ledger entry with what it was and when.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Item {
    id: page
    objectName: "balancePage"
    property alias balance: balance
    signal back()
    signal orderOpened(string orderId)

    SellerBalance {
        id: balance
        orders: Orders
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
                text: qsTr("Balance and payouts")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.weight: Font.Bold
                color: Theme.text
            }
            Item { Layout.fillWidth: true }
        }
        RowLayout {
            Layout.fillWidth: true
            // The cards fill the row's height; the row itself is only as tall as the tallest.
            Layout.fillHeight: false
            spacing: Theme.spaceM
            Repeater {
                model: [
                    { name: "balancePending", label: qsTr("Held for you"), value: balance.pendingText,
                      detail: qsTr("Paid by buyers, released when they confirm receipt") },
                    { name: "balanceAvailable", label: qsTr("Available"), value: balance.availableText,
                      detail: qsTr("Yours, paid out with the next daily payout") },
                    { name: "balancePaidOut", label: qsTr("Paid out"), value: balance.paidOutText,
                      detail: qsTr("Sent to your account so far") }
                ]
                delegate: Rectangle {
                    required property var modelData
                    Layout.fillWidth: true
                    // As tall as the tallest: a detail that wraps does not shift the others.
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1
                    implicitHeight: figure.implicitHeight + 2 * Theme.spaceM
                    radius: Theme.radiusM
                    color: Theme.surface
                    border.color: Theme.border
                    ColumnLayout {
                        id: figure
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.spaceM
                        spacing: 2
                        Text {
                            textFormat: Text.PlainText
                            text: modelData.label
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontCaption
                            font.weight: Font.DemiBold
                            color: Theme.textMuted
                        }
                        Text {
                            objectName: modelData.name
                            textFormat: Text.PlainText
                            text: modelData.value
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontTitle
                            font.weight: Font.Bold
                            color: Theme.text
                        }
                        Text {
                            Layout.fillWidth: true
                            textFormat: Text.PlainText
                            wrapMode: Text.WordWrap
                            text: modelData.detail
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontCaption
                            color: Theme.textFaint
                        }
                    }
                }
            }
        }
        Text {
            textFormat: Text.PlainText
            text: qsTr("History")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHeading
            font.weight: Font.DemiBold
            color: Theme.text
        }
        ListView {
            id: entries
            objectName: "ledgerList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: balance
            Basic.ScrollBar.vertical: Basic.ScrollBar { }
            onAtYEndChanged: if (atYEnd && count > 0) balance.loadMore()
            delegate: Item {
                id: entry
                required property int index
                required property string text
                required property string amountText
                required property bool incoming
                required property string timeText
                required property string orderId
                objectName: "ledgerRow_" + index
                width: entries.width
                height: 56
                Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
                MouseArea {
                    anchors.fill: parent
                    enabled: entry.orderId.length > 0
                    cursorShape: enabled ? Qt.PointingHandCursor : Qt.ArrowCursor
                    onClicked: page.orderOpened(entry.orderId)
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spaceS
                    anchors.rightMargin: Theme.spaceS
                    spacing: Theme.spaceM
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Text {
                            objectName: "ledgerRowText"
                            Layout.fillWidth: true
                            textFormat: Text.PlainText
                            text: entry.text
                            elide: Text.ElideRight
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                        }
                        Text {
                            textFormat: Text.PlainText
                            text: entry.timeText
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontCaption
                            color: Theme.textFaint
                        }
                    }
                    Text {
                        objectName: "ledgerRowAmount"
                        textFormat: Text.PlainText
                        text: entry.amountText
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        font.weight: Font.DemiBold
                        color: entry.incoming ? Theme.success : Theme.text
                    }
                }
            }
        }
    }

    EmptyState {
        objectName: "ledgerEmpty"
        anchors.centerIn: parent
        anchors.verticalCenterOffset: 80
        visible: balance.loaded && !balance.loading && balance.count === 0
        iconName: "tag"
        title: qsTr("No money has moved yet")
        detail: qsTr("When a buyer pays safely for one of your items, it shows here.")
    }
}
