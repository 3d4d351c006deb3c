// A listing in the grid: photo, 3D badge, heart, title, price, region and age.
// An auction shows its current price, its bids and a badge with the time left
// (red in the last minutes).
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic

Basic.AbstractButton {
    id: card
    property url thumbUrl
    property string title
    property string priceText
    property string region
    property string timeAgo
    property bool hasModel
    property bool favorite
    property string status
    property string statusText
    property bool isAuction
    property string timeLeft
    property bool endingSoon
    // False once its time is up or it closed: the badge says how it ended, in grey.
    property bool auctionRunning
    property int bidCount
    signal favoriteToggled()

    hoverEnabled: true
    Accessible.name: title + ", " + priceText
    // Reached with Tab: Enter opens it as Space does.
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()

    background: Rectangle {
        radius: Theme.radiusM
        color: Theme.surface
    }

    contentItem: ColumnLayout {
        spacing: 0
        Item {
            Layout.fillWidth: true
            Layout.preferredHeight: width * 3 / 4
            AsyncImage {
                id: photo
                objectName: "cardPhoto"
                anchors.fill: parent
                source: card.thumbUrl
                sourceSize: Qt.size(320, 240)
            }
            Rectangle {
                visible: card.hasModel
                anchors { left: parent.left; top: parent.top; margins: Theme.spaceS }
                height: 24
                width: badgeRow.implicitWidth + Theme.spaceM
                radius: 12
                color: Qt.rgba(0.08, 0.08, 0.12, 0.72)
                Row {
                    id: badgeRow
                    anchors.centerIn: parent
                    spacing: Theme.spaceXs
                    Icon { name: "cube"; color: "#FFFFFF"; size: 14; anchors.verticalCenter: parent.verticalCenter }
                    Text {
                        textFormat: Text.PlainText
                        text: qsTr("3D")
                        color: "#FFFFFF"
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                        font.weight: Font.Bold
                        anchors.verticalCenter: parent.verticalCenter
                    }
                }
            }
            Rectangle {
                objectName: "auctionBadge"
                visible: card.isAuction && card.status === "active"
                anchors { left: parent.left; bottom: parent.bottom; margins: Theme.spaceS }
                height: 24
                width: auctionRow.implicitWidth + Theme.spaceM
                radius: 12
                color: !card.auctionRunning ? Theme.textMuted : (card.endingSoon ? Theme.danger : Theme.accent)
                Row {
                    id: auctionRow
                    anchors.centerIn: parent
                    spacing: Theme.spaceXs
                    Icon { name: "clock"; color: "#FFFFFF"; size: 14; anchors.verticalCenter: parent.verticalCenter }
                    Text {
                        objectName: "auctionBadgeText"
                        textFormat: Text.PlainText
                        text: qsTr("Auction · %1").arg(card.timeLeft)
                        color: "#FFFFFF"
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontCaption
                        font.weight: Font.Bold
                        anchors.verticalCenter: parent.verticalCenter
                    }
                }
            }
            Rectangle {
                visible: card.status.length > 0 && card.status !== "active"
                anchors { left: parent.left; bottom: parent.bottom; margins: Theme.spaceS }
                height: 24
                width: statusText.implicitWidth + Theme.spaceM
                radius: 12
                color: Theme.surface
                Text {
                    id: statusText
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: card.statusText
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
            }
            FavoriteButton {
                objectName: "cardFavorite"
                anchors { right: parent.right; top: parent.top; margins: Theme.spaceXs }
                onImage: true
                favorite: card.favorite
                onClicked: card.favoriteToggled()
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spaceM - 4
            spacing: 2
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: card.title
                elide: Text.ElideRight
                maximumLineCount: 1
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                color: Theme.text
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: card.priceText
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.weight: Font.Bold
                color: Theme.text
            }
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: [card.region, card.isAuction ? qsTr("%n bid(s)", "", card.bidCount) : card.timeAgo]
                      .filter(function (s) { return s.length > 0 }).join(" · ")
                elide: Text.ElideRight
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
                color: Theme.textMuted
            }
        }
    }

    // Rounds the photo's corners by painting the page colour over them: cheaper
    // than a mask layer per card, which matters with software rendering.
    Rectangle {
        anchors.fill: parent
        anchors.margins: -Theme.radiusM
        radius: 2 * Theme.radiusM
        color: "transparent"
        border.width: Theme.radiusM
        border.color: Theme.background
    }
    Rectangle {
        anchors.fill: parent
        radius: Theme.radiusM
        color: "transparent"
        border.width: card.visualFocus ? 2 : 1
        border.color: card.visualFocus ? Theme.accent : (card.hovered ? Theme.borderStrong : Theme.border)
    }
}
