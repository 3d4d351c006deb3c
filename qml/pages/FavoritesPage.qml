// The listings the user marked with a heart.
import QtQuick
import QtQuick.Layouts
import BitMarket.Client

Item {
    id: page
    objectName: "favoritesPage"
    signal listingOpened(string listingId)

    function reload() { favorites.refresh() }

    ListingListModel {
        id: favorites
        api: Api
        realtime: Realtime
        source: ListingListModel.Favorites
    }
    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Text {
            textFormat: Text.PlainText
            Layout.margins: Theme.spaceL
            Layout.bottomMargin: 0
            text: qsTr("Favorites")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontDisplay
            font.weight: Font.Bold
            color: Theme.text
        }
        ListingGrid {
            Layout.fillWidth: true
            Layout.fillHeight: true
            model: favorites
            emptyIcon: "heart"
            emptyTitle: qsTr("No favorites yet")
            emptyDetail: qsTr("Click the heart on a listing to keep it here.")
            onListingOpened: function (listingId) { page.listingOpened(listingId) }
        }
    }
}
