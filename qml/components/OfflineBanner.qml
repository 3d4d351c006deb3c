// Says plainly when the app cannot reach the server, and when it tries again.
// A request that failed shows it at once; live updates that pause show it only
// after a few seconds, so the socket's own reconnect at every sign-in (and any
// short blip) does not flash a warning over the page and push it down.
import QtQuick
import QtQuick.Layouts
import BitMarket.Client

Rectangle {
    id: root
    objectName: "offlineBanner"
    readonly property bool liveUpdatesDown: !Realtime.online && Realtime.reconnectInSeconds > 0
    property bool liveUpdatesLongDown: false
    readonly property bool offline: !Api.reachable || liveUpdatesLongDown
    onLiveUpdatesDownChanged: {
        if (liveUpdatesDown) {
            grace.restart()
        } else {
            grace.stop()
            liveUpdatesLongDown = false
        }
    }
    Timer {
        id: grace
        interval: 3000
        onTriggered: root.liveUpdatesLongDown = root.liveUpdatesDown
    }

    implicitHeight: offline ? 40 : 0
    visible: implicitHeight > 0
    color: Theme.warningSoft
    clip: true
    Behavior on implicitHeight { NumberAnimation { duration: Theme.animationNormal } }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spaceM
        anchors.rightMargin: Theme.spaceS
        spacing: Theme.spaceS
        Icon { name: "offline"; color: Theme.warning; size: 18 }
        Text {
            textFormat: Text.PlainText
            Layout.fillWidth: true
            text: !Api.reachable
                  ? qsTr("Offline — cannot reach %1. Showing what was loaded.").arg(Api.serverUrl)
                  : qsTr("Live updates paused — reconnecting…")
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }
        AppButton {
            kind: "quiet"
            text: qsTr("Retry now")
            implicitHeight: 32
            onClicked: Realtime.reconnectNow()
        }
    }
}
