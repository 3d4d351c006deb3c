// A listing's photos one at a time: arrows, keys (←/→), swipe or the
// thumbnail strip to move, a click to see the photo full size.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic

FocusScope {
    id: root
    property var photos
    property alias currentIndex: pager.currentIndex
    signal openFullSize(int index)

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spaceS
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radiusM
            color: Theme.surfaceSunken
            clip: true
            ListView {
                id: pager
                objectName: "photoPager"
                anchors.fill: parent
                focus: true
                orientation: ListView.Horizontal
                snapMode: ListView.SnapOneItem
                highlightRangeMode: ListView.StrictlyEnforceRange
                highlightMoveDuration: Theme.animationNormal
                boundsBehavior: Flickable.StopAtBounds
                model: root.photos
                delegate: AsyncImage {
                    required property int index
                    required property url url
                    width: pager.width
                    height: pager.height
                    color: "transparent"
                    fillMode: Image.PreserveAspectFit
                    source: url
                    TapHandler { onTapped: root.openFullSize(index) }
                }
                // A model filled after the view was made leaves no current photo; start at the cover.
                onCountChanged: if (currentIndex < 0 && count > 0) currentIndex = 0
                Keys.onLeftPressed: decrementCurrentIndex()
                Keys.onRightPressed: incrementCurrentIndex()
            }
            IconButton {
                anchors { left: parent.left; verticalCenter: parent.verticalCenter; margins: Theme.spaceS }
                visible: pager.currentIndex > 0
                filled: true
                iconName: "back"
                iconColor: "#FFFFFF"
                tip: qsTr("Previous photo")
                onClicked: pager.decrementCurrentIndex()
            }
            IconButton {
                anchors { right: parent.right; verticalCenter: parent.verticalCenter; margins: Theme.spaceS }
                visible: pager.currentIndex < pager.count - 1
                filled: true
                iconName: "forward"
                iconColor: "#FFFFFF"
                tip: qsTr("Next photo")
                onClicked: pager.incrementCurrentIndex()
            }
            IconButton {
                objectName: "fullSizeButton"
                anchors { right: parent.right; top: parent.top; margins: Theme.spaceS }
                visible: pager.count > 0
                filled: true
                iconName: "expand"
                iconColor: "#FFFFFF"
                tip: qsTr("Full size")
                onClicked: root.openFullSize(pager.currentIndex)
            }
            Rectangle {
                anchors { bottom: parent.bottom; horizontalCenter: parent.horizontalCenter; margins: Theme.spaceS }
                visible: pager.count > 1
                width: counter.implicitWidth + Theme.spaceM
                height: 24
                radius: 12
                color: Qt.rgba(0, 0, 0, 0.5)
                Text {
                    id: counter
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    text: (pager.currentIndex + 1) + " / " + pager.count
                    color: "#FFFFFF"
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                }
            }
            EmptyState {
                anchors.centerIn: parent
                visible: pager.count === 0
                iconName: "image"
                title: qsTr("No photos")
            }
        }
        ListView {
            id: strip
            Layout.fillWidth: true
            Layout.preferredHeight: 64
            visible: pager.count > 1
            orientation: ListView.Horizontal
            spacing: Theme.spaceS
            clip: true
            model: root.photos
            delegate: AsyncImage {
                required property int index
                required property url thumbUrl
                width: 64
                height: 64
                radius: Theme.radiusS
                source: thumbUrl
                sourceSize: Qt.size(128, 128)
                border.width: index === pager.currentIndex ? 2 : 0
                border.color: Theme.accent
                opacity: index === pager.currentIndex ? 1 : 0.7
                TapHandler { onTapped: pager.currentIndex = index }
            }
        }
    }
}
