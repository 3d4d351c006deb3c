// The auctions the user bid on: where they stand in each (leading, outbid, won, lost),
// their maximum, the price now and the time left, moving live while the auctions run.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Item {
    id: page
    objectName: "myBidsPage"
    signal listingOpened(string listingId)
    signal browseRequested()

    function reload() { myBids.reload() }

    MyBidsModel {
        id: myBids
        objectName: "myBidsModel"
        api: Api
        realtime: Realtime
        userId: Session.userId
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spaceL
        spacing: Theme.spaceM
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("My bids")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontDisplay
            font.weight: Font.Bold
            color: Theme.text
        }
        ListView {
            id: list
            objectName: "myBidsList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spaceS
            model: myBids
            Basic.ScrollBar.vertical: Basic.ScrollBar { }
            onAtYEndChanged: if (atYEnd) myBids.loadMore()
            delegate: Rectangle {
                id: row
                required property int index
                required property string listingId
                required property string title
                required property url thumbUrl
                required property string status
                required property string statusText
                required property string yourMaxText
                required property string currentPriceText
                required property int bidCount
                required property bool running
                required property string timeLeft
                required property bool endingSoon
                readonly property color statusColor: status === "leading" ? Theme.success
                                                   : status === "outbid" ? Theme.danger
                                                   : status === "won" ? Theme.accent : Theme.textMuted
                objectName: "myBid_" + index
                width: list.width
                height: 88
                radius: Theme.radiusM
                color: rowMouse.containsMouse ? Theme.surfaceSunken : Theme.surface
                border.color: Theme.border
                MouseArea {
                    id: rowMouse
                    anchors.fill: parent
                    hoverEnabled: true
                    onClicked: page.listingOpened(row.listingId)
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spaceS
                    spacing: Theme.spaceM
                    AsyncImage {
                        Layout.preferredWidth: 96
                        Layout.fillHeight: true
                        radius: Theme.radiusS
                        source: row.thumbUrl
                        sourceSize: Qt.size(192, 144)
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Text {
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: row.title
                            elide: Text.ElideRight
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        Text {
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                            text: row.currentPriceText
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontHeading
                            font.weight: Font.Bold
                            color: Theme.text
                        }
                        Text {
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                            text: qsTr("Your maximum %1").arg(row.yourMaxText) + " · " + qsTr("%n bid(s)", "", row.bidCount)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontCaption
                            color: Theme.textMuted
                        }
                    }
                    ColumnLayout {
                        Layout.alignment: Qt.AlignVCenter
                        spacing: Theme.spaceXs
                        Rectangle {
                            objectName: "myBidStatus"
                            property string text: row.statusText
                            Layout.alignment: Qt.AlignRight
                            implicitWidth: statusLabel.implicitWidth + Theme.spaceM
                            implicitHeight: 26
                            radius: 13
                            color: Qt.rgba(row.statusColor.r, row.statusColor.g, row.statusColor.b, 0.14)
                            Text {
                                id: statusLabel
                                textFormat: Text.PlainText
                                anchors.centerIn: parent
                                text: row.statusText
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontCaption
                                font.weight: Font.Bold
                                color: row.statusColor
                            }
                        }
                        Row {
                            Layout.alignment: Qt.AlignRight
                            visible: row.running
                            spacing: Theme.spaceXs
                            Icon {
                                name: "clock"
                                size: 14
                                color: row.endingSoon ? Theme.danger : Theme.textMuted
                                anchors.verticalCenter: parent.verticalCenter
                            }
                            Text {
                                textFormat: Text.PlainText
                                text: row.timeLeft
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontCaption
                                font.weight: row.endingSoon ? Font.Bold : Font.Normal
                                color: row.endingSoon ? Theme.danger : Theme.textMuted
                                anchors.verticalCenter: parent.verticalCenter
                            }
                        }
                    }
                }
            }
        }
    }

    Basic.BusyIndicator {
        anchors.centerIn: parent
        running: myBids.loading && myBids.count === 0
        visible: running
    }
    EmptyState {
        anchors.centerIn: parent
        visible: myBids.loaded && !myBids.loading && myBids.count === 0 && myBids.errorMessage.length === 0
        iconName: "gavel"
        title: qsTr("You have not bid on anything yet")
        detail: qsTr("Auctions show a clock on their card. Bid once and follow it here.")
        actionText: qsTr("Browse listings")
        onAction: page.browseRequested()
    }
    EmptyState {
        anchors.centerIn: parent
        visible: !myBids.loading && myBids.count === 0 && myBids.errorMessage.length > 0
        iconName: "offline"
        title: qsTr("Could not load your bids")
        detail: myBids.errorMessage
        actionText: qsTr("Try again")
        onAction: myBids.reload()
    }
}
