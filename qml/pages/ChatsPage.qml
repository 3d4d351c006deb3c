// The user's chats, newest activity first: who, about which listing (its photo, title, price
// and status), the last message, when, and how many are unread. A click opens the room.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Item {
    id: page
    objectName: "chatsPage"
    signal chatOpened(string chatId)
    signal browseRequested()

    function reload() { Chats.reload() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spaceL
        spacing: Theme.spaceM
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: qsTr("Chats")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontDisplay
            font.weight: Font.Bold
            color: Theme.text
        }
        ListView {
            id: list
            objectName: "chatList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spaceS
            model: Chats
            Basic.ScrollBar.vertical: Basic.ScrollBar { }
            onAtYEndChanged: if (atYEnd && count > 0) Chats.loadMore()
            delegate: Rectangle {
                id: row
                required property int index
                required property string chatId
                required property string counterpartName
                required property url thumbUrl
                required property string title
                required property string priceText
                required property string status
                required property string statusText
                required property string lastMessage
                required property string timeText
                required property int unreadCount
                objectName: "chatRow_" + index
                width: list.width
                height: 84
                radius: Theme.radiusM
                color: rowMouse.containsMouse ? Theme.surfaceSunken : Theme.surface
                border.color: Theme.border
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Chat with %1 about %2").arg(counterpartName).arg(title)
                MouseArea {
                    id: rowMouse
                    anchors.fill: parent
                    hoverEnabled: true
                    cursorShape: Qt.PointingHandCursor
                    onClicked: page.chatOpened(row.chatId)
                }
                RowLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spaceS
                    spacing: Theme.spaceM
                    AsyncImage {
                        Layout.preferredWidth: 68
                        Layout.preferredHeight: 68
                        radius: Theme.radiusS
                        source: row.thumbUrl
                        sourceSize: Qt.size(136, 136)
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spaceS
                            Text {
                                objectName: "chatRowName"
                                textFormat: Text.PlainText
                                text: row.counterpartName
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontBody
                                font.weight: Font.Bold
                                color: Theme.text
                            }
                            Text {
                                textFormat: Text.PlainText
                                Layout.fillWidth: true
                                text: row.timeText
                                elide: Text.ElideRight
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontCaption
                                color: Theme.textFaint
                            }
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spaceS
                            StatusPill {
                                visible: row.status !== "active"
                                status: row.status
                                text: row.statusText
                            }
                            Text {
                                textFormat: Text.PlainText
                                Layout.fillWidth: true
                                text: row.title + " · " + row.priceText
                                elide: Text.ElideRight
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontCaption
                                color: Theme.textMuted
                            }
                        }
                        Text {
                            objectName: "chatRowLastMessage"
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: row.lastMessage
                            elide: Text.ElideRight
                            maximumLineCount: 1
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.weight: row.unreadCount > 0 ? Font.DemiBold : Font.Normal
                            color: row.unreadCount > 0 ? Theme.text : Theme.textMuted
                        }
                    }
                    CountBadge {
                        objectName: "chatRowUnread"
                        Layout.alignment: Qt.AlignVCenter
                        Layout.rightMargin: Theme.spaceS
                        count: row.unreadCount
                        height: 22
                        radius: 11
                    }
                }
            }
        }
    }

    Basic.BusyIndicator {
        anchors.centerIn: parent
        running: Chats.loading && Chats.count === 0
        visible: running
    }
    EmptyState {
        objectName: "chatsEmpty"
        anchors.centerIn: parent
        visible: !Chats.loading && Chats.count === 0
        iconName: "chat"
        title: qsTr("No chats yet")
        detail: qsTr("Open a listing and press “Chat with seller” to ask about it.")
        actionText: qsTr("Browse listings")
        onAction: page.browseRequested()
    }
}
