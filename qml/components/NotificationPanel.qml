// The inbox next to the navigation: newest first, unread ones marked, an icon per kind; a
// click opens what it is about and marks it read.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Basic.Popup {
    id: panel
    objectName: "notificationPanel"
    signal listingOpened(string listingId)

    width: 380
    height: Math.min(560, parent ? parent.height - 2 * Theme.spaceL : 560)
    padding: 0
    modal: false
    focus: true
    closePolicy: Basic.Popup.CloseOnEscape | Basic.Popup.CloseOnPressOutside

    function iconOf(type) {
        if (type === "keyword.match") return "search"
        if (type === "price.drop") return "tag"
        if (type === "model.ready") return "cube"
        if (type.startsWith("auction.")) return "gavel"
        if (type === "order.updated") return "folder"
        return "alert"
    }

    background: Rectangle {
        radius: Theme.radiusM
        color: Theme.surfaceRaised
        border.color: Theme.border
    }

    contentItem: ColumnLayout {
        spacing: 0
        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spaceM
            Text {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("Notifications")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontHeading
                font.weight: Font.DemiBold
                color: Theme.text
            }
            AppButton {
                objectName: "markAllReadButton"
                kind: "quiet"
                text: qsTr("Mark all read")
                enabled: Notifications.unreadCount > 0
                onClicked: Notifications.markAllRead()
            }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
        ListView {
            id: list
            objectName: "notificationList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: Notifications
            Basic.ScrollBar.vertical: Basic.ScrollBar {}
            delegate: Basic.ItemDelegate {
                id: row
                required property int index
                required property string type
                required property string title
                required property string body
                required property string timeAgo
                required property bool unread
                width: ListView.view.width
                height: 72
                objectName: "notification_" + index
                onClicked: {
                    Notifications.open(index)
                    panel.close()
                }
                background: Rectangle {
                    color: row.hovered ? Theme.surfaceSunken : (row.unread ? Theme.accentSoft : "transparent")
                    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }
                }
                contentItem: RowLayout {
                    spacing: Theme.spaceS
                    Rectangle {
                        Layout.alignment: Qt.AlignTop
                        width: 36; height: 36; radius: 18
                        color: row.type === "model.failed" || row.type === "auction.outbid" ? Theme.dangerSoft : Theme.surface
                        border.color: Theme.border
                        Icon {
                            anchors.centerIn: parent
                            name: panel.iconOf(row.type)
                            size: 18
                            color: row.type === "model.failed" || row.type === "auction.outbid" ? Theme.danger : Theme.accent
                        }
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
                            font.weight: row.unread ? Font.DemiBold : Font.Normal
                            color: Theme.text
                        }
                        Text {
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: row.body
                            elide: Text.ElideRight
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontCaption
                            color: Theme.textMuted
                        }
                        Text {
                            textFormat: Text.PlainText
                            text: row.timeAgo
                            font.family: Theme.fontFamily
                            font.pixelSize: 11
                            color: Theme.textFaint
                        }
                    }
                    Rectangle {
                        Layout.alignment: Qt.AlignVCenter
                        visible: row.unread
                        width: 8; height: 8; radius: 4
                        color: Theme.accent
                    }
                }
            }
            EmptyState {
                anchors.centerIn: parent
                width: parent.width - 2 * Theme.spaceL
                visible: list.count === 0
                iconName: "bell"
                title: qsTr("Nothing new")
                detail: qsTr("Save a keyword or a favorite and you will hear about it here.")
            }
        }
    }
}
