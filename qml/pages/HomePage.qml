// Home: search and filters over the newest listings.
import QtQuick
import QtQuick.Layouts
import BitMarket.Client

Item {
    id: page
    objectName: "homePage"
    property alias listings: listingModel
    signal listingOpened(string listingId)
    signal favoriteNeedsSignIn(string listingId)

    ListingListModel {
        id: listingModel
        objectName: "homeListings"
        api: Api
    }
    CategoryListModel {
        id: categoryModel
        api: Api
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        ColumnLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spaceL
            Layout.rightMargin: Theme.spaceL
            Layout.topMargin: Theme.spaceL
            spacing: Theme.spaceM
            RowLayout {
                Layout.fillWidth: true
                Text {
                    text: listingModel.query.length > 0 ? qsTr("Results for “%1”").arg(listingModel.query)
                                                        : qsTr("Discover")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontDisplay
                    font.weight: Font.Bold
                    color: Theme.text
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
            }
            FilterBar {
                Layout.fillWidth: true
                model: listingModel
                categories: categoryModel
            }
        }
        ListingGrid {
            Layout.fillWidth: true
            Layout.fillHeight: true
            model: listingModel
            emptyTitle: listingModel.query.length > 0 ? qsTr("No listings match “%1”").arg(listingModel.query)
                                                      : qsTr("No listings match these filters")
            emptyDetail: qsTr("Try other words, another category or a wider price range.")
            onListingOpened: function (listingId) { page.listingOpened(listingId) }
            onFavoriteNeedsSignIn: function (listingId) { page.favoriteNeedsSignIn(listingId) }
        }
    }
}
