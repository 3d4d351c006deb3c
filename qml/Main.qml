// The window: navigation rail, the current section, the offline banner, and
// the sign-in page whenever nobody is signed in.
import QtQuick
import QtQuick.Layouts
import QtQuick.Window
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Basic.ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1280
    height: 820
    minimumWidth: 960
    minimumHeight: 640
    visible: true
    title: qsTr("BitMarket")
    color: Theme.background
    font.family: Theme.fontFamily

    property string section: "home"
    property alias stack: stack
    property alias homePage: home
    property alias sellPage: sell

    function openListing(listingId) {
        stack.push(listingPage, { listingId: listingId })
    }
    function showSection(name) {
        stack.pop(null)
        section = name
        if (name === "favorites")
            favorites.reload()
        else if (name === "mine")
            mine.reload()
    }
    function startSelling() {
        sell.startNew()
        showSection("sell")
    }
    function editListing(listingId) {
        sell.edit(listingId)
        showSection("sell")
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        visible: Session.signedIn

        // Navigation rail
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 80
            color: Theme.surface
            Rectangle { anchors.right: parent.right; width: 1; height: parent.height; color: Theme.border }
            ColumnLayout {
                anchors.fill: parent
                anchors.topMargin: Theme.spaceM
                anchors.bottomMargin: Theme.spaceM
                spacing: Theme.spaceXs
                Image {
                    Layout.alignment: Qt.AlignHCenter
                    Layout.bottomMargin: Theme.spaceM
                    source: "image://icon/app/ffffff"
                    sourceSize: Qt.size(40, 40)
                }
                NavButton {
                    objectName: "navHome"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Home")
                    iconName: "home"
                    current: window.section === "home"
                    onClicked: window.showSection("home")
                }
                NavButton {
                    objectName: "navSell"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Sell")
                    iconName: "plus"
                    current: window.section === "sell"
                    onClicked: window.startSelling()
                }
                NavButton {
                    objectName: "navMine"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("My items")
                    iconName: "tag"
                    current: window.section === "mine"
                    onClicked: window.showSection("mine")
                }
                NavButton {
                    objectName: "navFavorites"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Favorites")
                    iconName: "heart"
                    current: window.section === "favorites"
                    onClicked: window.showSection("favorites")
                }
                Item { Layout.fillHeight: true }
                NavButton {
                    objectName: "navSettings"
                    Layout.alignment: Qt.AlignHCenter
                    text: qsTr("Settings")
                    iconName: "settings"
                    current: window.section === "settings"
                    onClicked: window.showSection("settings")
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0
            OfflineBanner { Layout.fillWidth: true }
            Basic.StackView {
                id: stack
                objectName: "stack"
                Layout.fillWidth: true
                Layout.fillHeight: true
                initialItem: sections
                pushEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.animationNormal } }
                pushExit: Transition { NumberAnimation { property: "opacity"; from: 1; to: 0; duration: Theme.animationNormal } }
                popEnter: Transition { NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.animationNormal } }
                popExit: Transition { NumberAnimation { property: "opacity"; from: 1; to: 0; duration: Theme.animationNormal } }
            }
        }
    }

    // The sections stay alive so switching keeps scroll positions and loaded pages.
    Item {
        id: sections
        StackLayout {
            anchors.fill: parent
            currentIndex: ["home", "sell", "mine", "favorites", "settings"].indexOf(window.section)
            HomePage { id: home; onListingOpened: function (id) { window.openListing(id) } }
            SellPage {
                id: sell
                onSaved: function (id) {
                    toast.show(qsTr("Your listing is live"))
                    window.showSection("mine")
                    window.openListing(id)
                }
                onCancelled: window.showSection("home")
            }
            MyListingsPage {
                id: mine
                onListingOpened: function (id) { window.openListing(id) }
                onEditRequested: function (id) { window.editListing(id) }
                onSellRequested: window.startSelling()
            }
            FavoritesPage { id: favorites; onListingOpened: function (id) { window.openListing(id) } }
            SettingsPage { }
        }
    }

    Component {
        id: listingPage
        ListingPage {
            focus: true
            onBack: stack.pop()
            onEditRequested: function (id) { window.editListing(id) }
        }
    }

    SignInPage {
        anchors.fill: parent
        visible: !Session.signedIn
    }

    Toast {
        id: toast
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: Theme.spaceL
        z: 10
    }

    Connections {
        target: Session
        function onStateChanged() {
            if (Session.signedIn) {
                home.listings.refresh()
                window.showSection("home")
            }
        }
    }
}
