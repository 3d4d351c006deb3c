// The seller's own listings, each with how it is doing (views, hearts, its 3D
// model) and its status, which the seller sets here (reserved for a buyer,
// sold); open, edit or delete (after asking).
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Item {
    id: page
    objectName: "myListingsPage"
    signal listingOpened(string listingId)
    signal editRequested(string listingId)
    signal sellRequested()
    // A short message for the window's toast.
    signal notice(string message, bool isError)

    function reload() { mine.refresh() }

    // One figure of a listing's row: an icon and a few words.
    component Stat: Row {
        property string icon
        property string label
        property color tint: Theme.textMuted
        spacing: Theme.spaceXs
        Icon { name: parent.icon; size: 14; color: parent.tint; anchors.verticalCenter: parent.verticalCenter }
        Text {
            textFormat: Text.PlainText
            text: parent.label
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
            color: parent.tint
            anchors.verticalCenter: parent.verticalCenter
        }
    }

    ListingListModel {
        id: mine
        api: Api
        sellerId: Session.userId
        onListingDeleted: page.notice(qsTr("Listing deleted"), false)
        onStatusChanged: function (listingId, statusText) { page.notice(qsTr("Marked as %1").arg(statusText), false) }
        onErrorMessageChanged: if (errorMessage.length > 0) page.notice(errorMessage, true)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spaceL
        spacing: Theme.spaceM
        RowLayout {
            Layout.fillWidth: true
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("My listings")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontDisplay
                font.weight: Font.Bold
                color: Theme.text
            }
            AppButton { text: qsTr("Sell an item"); iconName: "plus"; onClicked: page.sellRequested() }
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spaceS
            model: mine
            Basic.ScrollBar.vertical: Basic.ScrollBar { }
            onAtYEndChanged: if (atYEnd) mine.loadMore()
            delegate: Rectangle {
                id: row
                required property string listingId
                required property string title
                required property string priceText
                required property string timeAgo
                required property url thumbUrl
                required property string status
                required property string statusText
                required property bool isAuction
                required property int favoriteCount
                required property int viewCount
                required property string modelStatus
                objectName: "myListingRow"
                width: list.width
                height: 96
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
                        Layout.preferredWidth: 104
                        Layout.fillHeight: true
                        radius: Theme.radiusS
                        source: row.thumbUrl
                        sourceSize: Qt.size(208, 160)
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
                            text: row.priceText
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontHeading
                            font.weight: Font.Bold
                            color: Theme.text
                        }
                        // How it is doing: views, hearts, its 3D model, its age.
                        Row {
                            objectName: "myListingStats"
                            spacing: Theme.spaceM
                            Stat { icon: "eye"; label: qsTr("%n view(s)", "", row.viewCount) }
                            Stat { icon: "heart"; label: qsTr("%n favorite(s)", "", row.favoriteCount) }
                            Stat {
                                objectName: "myListingModelState"
                                icon: "cube"
                                label: row.modelStatus === "done" ? qsTr("3D ready")
                                     : row.modelStatus === "queued" || row.modelStatus === "running" ? qsTr("3D being made")
                                     : row.modelStatus === "failed" ? qsTr("3D failed")
                                     : qsTr("No 3D yet")
                                tint: row.modelStatus === "done" ? Theme.success
                                    : row.modelStatus === "failed" ? Theme.danger : Theme.textMuted
                            }
                            Stat { icon: "clock"; label: row.timeAgo }
                        }
                    }
                    // A fixed-price listing's status is the seller's to set; an auction's follows its bids.
                    ChoiceBox {
                        objectName: "statusBox"
                        visible: !row.isAuction
                        Layout.preferredWidth: 132
                        model: ListingLabels.sellerStatuses
                        currentIndex: Math.max(0, indexOfValue(row.status))
                        onActivated: if (currentValue !== row.status) mine.setStatus(row.listingId, currentValue)
                    }
                    Rectangle {
                        visible: row.isAuction
                        implicitWidth: auctionStatus.implicitWidth + Theme.spaceM
                        implicitHeight: 28
                        radius: 14
                        color: Theme.surfaceSunken
                        Text {
                            id: auctionStatus
                            textFormat: Text.PlainText
                            anchors.centerIn: parent
                            text: qsTr("Auction · %1").arg(row.statusText)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontCaption
                            color: Theme.textMuted
                        }
                    }
                    AppButton {
                        kind: "secondary"
                        text: qsTr("Edit")
                        iconName: "edit"
                        onClicked: page.editRequested(row.listingId)
                    }
                    AppButton {
                        kind: "quiet"
                        text: qsTr("Delete")
                        iconName: "trash"
                        onClicked: { confirm.listingId = row.listingId; confirm.listingTitle = row.title; confirm.open() }
                    }
                }
            }
        }
    }

    EmptyState {
        anchors.centerIn: parent
        visible: mine.loaded && !mine.loading && mine.count === 0
        iconName: "tag"
        title: qsTr("You are not selling anything yet")
        detail: qsTr("List an item in a minute: a few photos, a title and a price.")
        actionText: qsTr("Sell an item")
        onAction: page.sellRequested()
    }

    ConfirmDialog {
        id: confirm
        objectName: "deleteListingDialog"
        property string listingId
        property string listingTitle
        title: qsTr("Delete this listing?")
        message: qsTr("“%1” will disappear from search and from buyers' favorites. This cannot be undone.").arg(listingTitle)
        confirmText: qsTr("Delete")
        onConfirmed: mine.deleteListing(listingId)
    }
}
