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
    // "Alert me when this is listed": saved (a keyword), or asked without an account.
    signal alertSaved(string keyword)
    signal alertNeedsSignIn()
    signal alertFailed(string message)

    function saveSearchAsAlert() {
        alerts.addKeyword(listingModel.query, listingModel.categoryId)
    }

    ListingListModel {
        id: listingModel
        objectName: "homeListings"
        api: Api
    }
    CategoryListModel {
        id: categoryModel
        api: Api
    }
    AlertSettings {
        id: alerts
        api: Api
        onKeywordSaved: function (keyword) { page.alertSaved(keyword) }
        onErrorMessageChanged: if (errorMessage.length > 0) page.alertFailed(errorMessage)
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
                    textFormat: Text.PlainText
                    text: listingModel.query.length > 0 ? qsTr("Results for “%1”").arg(listingModel.query)
                                                        : qsTr("Discover")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontDisplay
                    font.weight: Font.Bold
                    color: Theme.text
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                AppButton {
                    objectName: "alertMeButton"
                    kind: "secondary"
                    iconName: "bell"
                    visible: listingModel.query.trim().length > 0
                    text: qsTr("Alert me when this is listed")
                    onClicked: Session.signedIn ? page.saveSearchAsAlert() : page.alertNeedsSignIn()
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
