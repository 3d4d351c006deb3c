// Sign in or create an account, over the window when something needs an
// account. Says why it is asked for (or that the session was revoked), lets
// the user change the server, and always offers the way back to browsing.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import BitMarket.Client

Rectangle {
    id: page
    objectName: "signInPage"
    property bool registering: false
    // Why an account is needed now, e.g. "Sign in to sell an item."; empty when the user just chose to.
    property string reason
    signal backToBrowsing()
    color: Theme.background

    onVisibleChanged: if (visible) (registering ? usernameField : loginField).forceActiveFocus()

    // A new visit starts clean: signing in, and signing out, forget what was typed
    // (the next person at this computer must not find the last one's password).
    function reset() {
        registering = false
        for (const field of [usernameField, displayNameField, loginField, passwordField])
            field.clear()
    }
    Connections {
        target: Session
        function onStateChanged() { page.reset() }
    }

    // Nothing under the page takes clicks or the wheel while it is shown.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        hoverEnabled: true
        onWheel: function (wheel) { wheel.accepted = true }
    }
    Shortcut {
        sequence: StandardKey.Cancel
        enabled: page.visible
        onActivated: page.backToBrowsing()
    }

    function errorFor(field) { return Session.fieldErrors[field] || "" }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // Brand panel
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: parent.width * 0.42
            visible: page.width > 900
            gradient: Gradient {
                GradientStop { position: 0; color: "#5B4CF0" }
                GradientStop { position: 1; color: "#2F2A8F" }
            }
            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.margins: Theme.spaceXxl
                spacing: Theme.spaceM
                Image {
                    source: "image://icon/app/ffffff"
                    sourceSize: Qt.size(64, 64)
                }
                Text {
                    textFormat: Text.PlainText
                    text: "BitMarket"
                    font.family: Theme.fontFamily
                    font.pixelSize: 40
                    font.weight: Font.Bold
                    color: "#FFFFFF"
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: qsTr("Second-hand things you can turn in your hands before you buy.")
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    color: "#E6E3FF"
                    lineHeight: 1.25
                }
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            AppButton {
                objectName: "backToBrowsingButton"
                anchors.left: parent.left
                anchors.top: parent.top
                anchors.margins: Theme.spaceL
                kind: "quiet"
                iconName: "back"
                text: qsTr("Back to browsing")
                onClicked: page.backToBrowsing()
            }

            ColumnLayout {
                anchors.centerIn: parent
                width: Math.min(380, parent.width - 2 * Theme.spaceXl)
                spacing: Theme.spaceM

                Text {
                    textFormat: Text.PlainText
                    text: page.registering ? qsTr("Create your account") : qsTr("Sign in to BitMarket")
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontDisplay
                    font.weight: Font.Bold
                    color: Theme.text
                }
                Text {
                    textFormat: Text.PlainText
                    objectName: "signInReason"
                    Layout.fillWidth: true
                    visible: page.reason.length > 0
                    text: page.reason
                    wrapMode: Text.WordWrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                }
                Text {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: qsTr("Server: %1").arg(Settings.serverUrl)
                    elide: Text.ElideMiddle
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontCaption
                    color: Theme.textMuted
                }
                Rectangle {
                    Layout.fillWidth: true
                    visible: Session.message.length > 0
                    implicitHeight: notice.implicitHeight + Theme.spaceM
                    radius: Theme.radiusS
                    color: Theme.dangerSoft
                    Text {
                        id: notice
                        textFormat: Text.PlainText
                        objectName: "signInMessage"
                        anchors.fill: parent
                        anchors.margins: Theme.spaceS
                        text: Session.message
                        wrapMode: Text.WordWrap
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: Theme.danger
                    }
                }
                FieldLabel {
                    Layout.fillWidth: true
                    visible: page.registering
                    label: qsTr("Username")
                    error: page.errorFor("username")
                    hint: qsTr("3–32 characters: a-z, 0-9, _ and .")
                    FormField {
                        id: usernameField
                        objectName: "usernameField"
                        width: parent.width
                        error: page.errorFor("username").length > 0
                        onTextEdited: Session.clearFieldError("username")
                        onAccepted: displayNameField.forceActiveFocus()
                    }
                }
                FieldLabel {
                    Layout.fillWidth: true
                    visible: page.registering
                    label: qsTr("Display name")
                    error: page.errorFor("displayName")
                    FormField {
                        id: displayNameField
                        objectName: "displayNameField"
                        width: parent.width
                        onTextEdited: Session.clearFieldError("displayName")
                        onAccepted: loginField.forceActiveFocus()
                    }
                }
                FieldLabel {
                    Layout.fillWidth: true
                    label: page.registering ? qsTr("Email") : qsTr("Username or email")
                    error: page.errorFor(page.registering ? "email" : "login")
                    FormField {
                        id: loginField
                        objectName: "loginField"
                        width: parent.width
                        focus: true
                        error: page.errorFor(page.registering ? "email" : "login").length > 0
                        onTextEdited: Session.clearFieldError(page.registering ? "email" : "login")
                        onAccepted: passwordField.forceActiveFocus()
                    }
                }
                FieldLabel {
                    Layout.fillWidth: true
                    label: qsTr("Password")
                    error: page.errorFor("password")
                    FormField {
                        id: passwordField
                        objectName: "passwordField"
                        width: parent.width
                        echoMode: TextInput.Password
                        error: page.errorFor("password").length > 0
                        onTextEdited: Session.clearFieldError("password")
                        onAccepted: submit.clicked()
                    }
                }
                AppButton {
                    id: submit
                    objectName: "signInButton"
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spaceS
                    text: page.registering ? qsTr("Create account") : qsTr("Sign in")
                    busy: Session.busy
                    enabled: !Session.busy
                    onClicked: page.registering
                               ? Session.registerAccount(usernameField.text, loginField.text, passwordField.text, displayNameField.text)
                               : Session.signIn(loginField.text, passwordField.text)
                }
                AppButton {
                    Layout.fillWidth: true
                    kind: "quiet"
                    text: page.registering ? qsTr("I already have an account") : qsTr("New here? Create an account")
                    objectName: "switchSignInMode"
                    onClicked: {
                        page.registering = !page.registering
                        Session.clearMessage()
                        if (page.registering)
                            usernameField.forceActiveFocus()
                        else
                            loginField.forceActiveFocus()
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spaceL
                    spacing: Theme.spaceS
                    FormField {
                        id: serverField
                        Layout.fillWidth: true
                        text: Settings.serverUrl
                        error: !Settings.isValidServerUrl(text)
                        iconName: "settings"
                    }
                    AppButton {
                        kind: "secondary"
                        text: qsTr("Use server")
                        enabled: Settings.isValidServerUrl(serverField.text) && serverField.text !== Settings.serverUrl.toString()
                        onClicked: Settings.serverUrl = serverField.text.trim()
                    }
                }
            }
        }
    }

    Basic.BusyIndicator {
        anchors.centerIn: parent
        running: Session.restoring
        visible: running
    }
}
