// A seller's profile: who they are and everything they have on sale, opened
// from their name on a listing. (Their reviews join it once trades can be reviewed.)
import QtQuick
import QtQuick.Layouts
import BitMarket.Client

Item {
    id: page
    objectName: "sellerPage"
    property string sellerId
    property string sellerName
    property alias listings: sellerListings
    signal back()
    signal listingOpened(string listingId)
    signal favoriteNeedsSignIn(string listingId)

    Keys.onEscapePressed: page.back()

    ListingListModel {
        id: sellerListings
        objectName: "sellerListings"
        api: Api
        realtime: Realtime
        sellerId: page.sellerId
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spaceL
            Layout.bottomMargin: Theme.spaceS
            spacing: Theme.spaceM
            IconButton { objectName: "backButton"; iconName: "back"; tip: qsTr("Back (Esc)"); onClicked: page.back() }
            Rectangle {
                width: 56
                height: 56
                radius: 28
                color: Theme.accentSoft
                Text {
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: page.sellerName.length > 0 ? page.sellerName.charAt(0).toUpperCase() : "?"
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.Bold
                    color: Theme.accent
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Text {
                    objectName: "sellerPageName"
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: page.sellerName
                    elide: Text.ElideRight
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontDisplay
                    font.weight: Font.Bold
                    color: Theme.text
                }
                Text {
                    textFormat: Text.PlainText
                    text: page.sellerId === Session.userId ? qsTr("Your listings as buyers see them")
                                                           : qsTr("Listings from this seller")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                }
            }
        }
        ListingGrid {
            Layout.fillWidth: true
            Layout.fillHeight: true
            model: sellerListings
            emptyIcon: "user"
            emptyTitle: qsTr("Nothing on sale right now")
            emptyDetail: qsTr("This seller has no listings at the moment.")
            onListingOpened: function (listingId) { page.listingOpened(listingId) }
            onFavoriteNeedsSignIn: function (listingId) { page.favoriteNeedsSignIn(listingId) }
        }
    }
}
