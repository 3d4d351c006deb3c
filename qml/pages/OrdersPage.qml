// The user's orders in two tabs, what they buy and what they sell, newest first: the item, who
// the other side is, the amount, how they trade and the status, live. A row opens the order;
// the Selling tab leads to the seller's balance.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Item {
    id: page
    objectName: "ordersPage"
    property alias tab: tabs.currentIndex
    readonly property var list: tabs.currentIndex === 0 ? Orders.buying : Orders.selling
    signal orderOpened(string orderId)
    signal balanceRequested()
    signal browseRequested()

    function reload() {
        Orders.buying.reload()
        Orders.selling.reload()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spaceL
        spacing: Theme.spaceM
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spaceM
            Text {
                textFormat: Text.PlainText
                text: qsTr("Orders")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontDisplay
                font.weight: Font.Bold
                color: Theme.text
            }
            Basic.TabBar {
                id: tabs
                objectName: "orderTabs"
                spacing: Theme.spaceXs
                background: Rectangle { color: Theme.surfaceSunken; radius: Theme.radiusS }
                padding: 4
                Repeater {
                    model: [
                        { label: qsTr("Buying"), name: "tabBuying" },
                        { label: qsTr("Selling"), name: "tabSelling" }
                    ]
                    Basic.TabButton {
                        id: tabButton
                        required property var modelData
                        objectName: modelData.name
                        width: implicitWidth
                        implicitHeight: 32
                        implicitWidth: tabLabel.implicitWidth + 2 * Theme.spaceM
                        background: Rectangle {
                            radius: Theme.radiusS - 2
                            color: tabButton.checked ? Theme.surface : "transparent"
                        }
                        contentItem: Text {
                            id: tabLabel
                            textFormat: Text.PlainText
                            text: tabButton.modelData.label
                            horizontalAlignment: Text.AlignHCenter
                            verticalAlignment: Text.AlignVCenter
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.weight: tabButton.checked ? Font.DemiBold : Font.Normal
                            color: tabButton.checked ? Theme.text : Theme.textMuted
                        }
                    }
                }
            }
            Item { Layout.fillWidth: true }
            AppButton {
                objectName: "balanceButton"
                visible: tabs.currentIndex === 1
                kind: "secondary"
                text: qsTr("Balance and payouts")
                onClicked: page.balanceRequested()
            }
        }
        ListView {
            id: listView
            objectName: "orderList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spaceS
            model: page.list
            Basic.ScrollBar.vertical: Basic.ScrollBar { }
            onAtYEndChanged: if (atYEnd && count > 0) page.list.loadMore()
            delegate: Rectangle {
                id: row
                required property int index
                required property string orderId
                required property url thumbUrl
                required property string title
                required property string counterpartText
                required property string amountText
                required property string methodText
                required property string status
                required property string statusText
                required property string timeText
                objectName: "orderRow_" + index
                width: listView.width
                height: 84
                radius: Theme.radiusM
                color: rowMouse.containsMouse ? Theme.surfaceSunken : Theme.surface
                border.color: Theme.border
                Accessible.role: Accessible.Button
                Accessible.name: title + ", " + statusText
                MouseArea {
                    id: rowMouse
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    onClicked: page.orderOpened(row.orderId)
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spaceS
                    spacing: Theme.spaceM
                    AsyncImage {
                        Layout.preferredWidth: 68
                        Layout.preferredHeight: 68
                        radius: Theme.radiusS
                        source: row.thumbUrl
                        sourceSize: Qt.size(136, 136)
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Text {
                            objectName: "orderRowTitle"
                            Layout.fillWidth: true
                            textFormat: Text.PlainText
                            text: row.title
                            elide: Text.ElideRight
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.Bold
                            color: Theme.text
                        }
                        Text {
                            Layout.fillWidth: true
                            textFormat: Text.PlainText
                            text: row.counterpartText + " · " + row.methodText
                            elide: Text.ElideRight
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontCaption
                            color: Theme.textMuted
                        }
                        Text {
                            textFormat: Text.PlainText
                            text: row.amountText
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                    }
                    ColumnLayout {
                        Layout.alignment: Qt.AlignVCenter
                        Layout.rightMargin: Theme.spaceS
                        spacing: Theme.spaceXs
                        StatusPill {
                            objectName: "orderRowStatus"
                            Layout.alignment: Qt.AlignRight
                            status: row.status
                            text: row.statusText
                        }
                        Text {
                            Layout.alignment: Qt.AlignRight
                            textFormat: Text.PlainText
                            text: row.timeText
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontCaption
                            color: Theme.textFaint
                        }
                    }
                }
            }
        }
    }

    Basic.BusyIndicator {
        anchors.centerIn: parent
        running: page.list.loading && page.list.count === 0
        visible: running
    }
    EmptyState {
        objectName: "ordersEmpty"
        anchors.centerIn: parent
        visible: !page.list.loading && page.list.count === 0
        iconName: "tag"
        title: tabs.currentIndex === 0 ? qsTr("Nothing bought yet") : qsTr("Nothing sold yet")
        detail: tabs.currentIndex === 0 ? qsTr("Press “Buy” on a listing to order it.")
                                        : qsTr("Orders for your listings show here.")
        actionText: tabs.currentIndex === 0 ? qsTr("Browse listings") : ""
        onAction: page.browseRequested()
    }
}
