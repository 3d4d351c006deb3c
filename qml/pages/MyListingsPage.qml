// The seller's own listings: open, edit or delete (after asking).
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

    function reload() { mine.refresh() }

    ListingListModel {
        id: mine
        api: Api
        sellerId: Session.userId
        onListingDeleted: toast.show(qsTr("Listing deleted"))
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
                required property string listingId
                required property string title
                required property string priceText
                required property string timeAgo
                required property url thumbUrl
                required property string status
                required property int favoriteCount
                width: list.width
                height: 88
                radius: Theme.radiusM
                color: rowMouse.containsMouse ? Theme.surfaceSunken : Theme.surface
                border.color: Theme.border
                MouseArea {
                    id: rowMouse
                    anchors.fill: parent
                    hoverEnabled: true
                    onClicked: page.listingOpened(parent.listingId)
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spaceS
                    spacing: Theme.spaceM
                    AsyncImage {
                        Layout.preferredWidth: 96
                        Layout.fillHeight: true
                        radius: Theme.radiusS
                        source: thumbUrl
                        sourceSize: Qt.size(192, 144)
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Text {
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: title
                            elide: Text.ElideRight
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        Text {
                            textFormat: Text.PlainText
                            text: priceText
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontHeading
                            font.weight: Font.Bold
                            color: Theme.text
                        }
                        Text {
                            textFormat: Text.PlainText
                            text: qsTr("%1 · %n favorite(s)", "", favoriteCount).arg(timeAgo)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontCaption
                            color: Theme.textMuted
                        }
                    }
                    AppButton {
                        kind: "secondary"
                        text: qsTr("Edit")
                        iconName: "edit"
                        onClicked: page.editRequested(listingId)
                    }
                    AppButton {
                        kind: "quiet"
                        text: qsTr("Delete")
                        iconName: "trash"
                        onClicked: { confirm.listingId = listingId; confirm.listingTitle = title; confirm.open() }
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

    Toast { id: toast; anchors.horizontalCenter: parent.horizontalCenter; anchors.bottom: parent.bottom; anchors.bottomMargin: Theme.spaceL }
}
