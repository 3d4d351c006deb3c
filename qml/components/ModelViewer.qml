// The 3D tab: downloads the listing's GLB into the cache (with progress),
// loads it with RuntimeLoader, and frames it from its bounds whatever its
// size. The model is scaled to a unit radius so lights, shadow and camera
// planes are the same for a ring and a sofa. Drag turns it, the wheel or a
// pinch zooms, right-drag or Shift-drag pans, a double-click resets.
import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Basic as Basic
import QtQuick3D
import QtQuick3D.AssetUtils
import QtQuick.Shapes
import BitMarket.Client

Item {
    id: root
    property url modelUrl
    // A still of the model the server rendered: something to look at while the GLB arrives.
    property url previewUrl
    property string quality
    property int triangles: 0
    property bool autoRotate: true
    // Once the buyer has turned or zoomed, the hint has done its work and leaves the model alone.
    property bool interacted: false

    readonly property bool loaded: loader.status === RuntimeLoader.Success && modelRadius > 0
    readonly property bool failed: file.status === ModelFile.Failed || loader.status === RuntimeLoader.Error
                                   || (boundsSettled && modelRadius <= 0)
    // Bounds arrive a little after the load succeeds; only then is "empty" a verdict.
    property bool boundsSettled: false
    readonly property string errorText: file.status === ModelFile.Failed ? file.errorMessage
                                      : loader.status === RuntimeLoader.Error
                                        ? qsTr("This 3D model could not be opened: %1").arg(loader.errorString)
                                        : qsTr("This 3D model has no visible geometry.")
    property alias modelFile: file
    property alias view: view

    // Framing from the loaded model's bounds (in the loader's own space).
    readonly property vector3d boundsMin: loader.bounds.minimum
    readonly property vector3d boundsMax: loader.bounds.maximum
    readonly property vector3d modelCenter: boundsMin.plus(boundsMax).times(0.5)
    readonly property real modelRadius: boundsMax.minus(boundsMin).length() / 2
    readonly property real unitScale: modelRadius > 0 ? 1 / modelRadius : 1
    readonly property real fieldOfView: 35
    // Distance at which a unit sphere fills the view, with a little air.
    readonly property real fitDistance: 1.15 / Math.sin(fieldOfView / 2 * Math.PI / 180)

    property real yaw: 35
    property real pitch: -18
    property real distance: fitDistance
    property vector3d target: Qt.vector3d(0, 0, 0)

    function resetView() {
        yaw = 35
        pitch = -18
        distance = fitDistance
        target = Qt.vector3d(0, 0, 0)
    }
    function orbit(dx, dy) {
        interacted = true
        yaw -= dx * 0.4
        pitch = Math.max(-85, Math.min(85, pitch - dy * 0.4))
    }
    function pan(dx, dy) {
        interacted = true
        var k = distance * 0.0016
        target = target.minus(camera.right.times(dx * k)).plus(camera.up.times(dy * k))
    }
    function zoom(factor) {
        interacted = true
        distance = Math.max(fitDistance * 0.25, Math.min(fitDistance * 6, distance * factor))
    }

    ModelFile {
        id: file
        api: Api
        cacheDir: Media.modelDir
        source: root.modelUrl
    }

    View3D {
        id: view
        objectName: "modelView"
        anchors.fill: parent
        camera: camera
        environment: SceneEnvironment {
            backgroundMode: SceneEnvironment.Color
            clearColor: Theme.viewport
            antialiasingMode: SceneEnvironment.MSAA
            antialiasingQuality: SceneEnvironment.Medium
        }

        Node {
            position: root.target
            eulerRotation.y: root.yaw
            Node {
                eulerRotation.x: root.pitch
                PerspectiveCamera {
                    id: camera
                    position: Qt.vector3d(0, 0, root.distance)
                    fieldOfView: root.fieldOfView
                    // The model has radius 1 around the origin: keep it all between the planes.
                    clipNear: Math.max(0.01, (root.distance - 1) * 0.1)
                    clipFar: root.distance + 20
                }
            }
        }

        // Key light from above-front casts the ground shadow; a cool fill keeps the far side readable.
        DirectionalLight {
            eulerRotation: Qt.vector3d(-60, -30, 0)
            brightness: 1.1
            ambientColor: Qt.rgba(0.32, 0.32, 0.36, 1)
            castsShadow: true
            shadowMapQuality: Light.ShadowMapQualityHigh
            shadowMapFar: 8
            shadowFactor: 40
            shadowFilter: 6
            shadowBias: 0.02
        }
        DirectionalLight {
            eulerRotation: Qt.vector3d(-15, 150, 0)
            brightness: 0.45
            color: "#DDE6FF"
        }

        RuntimeLoader {
            id: loader
            objectName: "modelLoader"
            source: file.status === ModelFile.Ready ? file.localUrl : ""
            scale: Qt.vector3d(root.unitScale, root.unitScale, root.unitScale)
            position: root.modelCenter.times(-root.unitScale)
        }

        // The floor under the model catches its shadow and fades out into the
        // background around it: no square edge, no horizon line.
        Model {
            id: ground
            objectName: "modelGround"
            visible: root.loaded
            source: "#Rectangle"
            y: (root.boundsMin.y - root.modelCenter.y) * root.unitScale - 0.002
            eulerRotation.x: -90
            scale: Qt.vector3d(0.07, 0.07, 1)
            castsShadows: false
            receivesShadows: true
            materials: PrincipledMaterial {
                baseColor: Theme.viewport
                roughness: 1
                metalness: 0
                lighting: PrincipledMaterial.FragmentLighting
                alphaMode: PrincipledMaterial.Blend
                opacityChannel: Material.A
                opacityMap: Texture {
                    // Opaque in the middle, nothing at the rim.
                    sourceItem: Shape {
                        width: 256
                        height: 256
                        ShapePath {
                            strokeWidth: -1
                            fillGradient: RadialGradient {
                                centerX: 128; centerY: 128; centerRadius: 128
                                focalX: 128; focalY: 128
                                GradientStop { position: 0; color: "#FFFFFFFF" }
                                GradientStop { position: 0.35; color: "#E6FFFFFF" }
                                GradientStop { position: 1; color: "#00FFFFFF" }
                            }
                            PathLine { x: 256; y: 0 }
                            PathLine { x: 256; y: 256 }
                            PathLine { x: 0; y: 256 }
                            PathLine { x: 0; y: 0 }
                        }
                    }
                }
            }
        }
    }

    // Orbit, pan, zoom and reset.
    DragHandler {
        id: orbitDrag
        target: null
        acceptedButtons: Qt.LeftButton
        acceptedModifiers: Qt.NoModifier
        property point last
        onActiveChanged: { last = Qt.point(0, 0); if (active) root.autoRotate = false }
        onTranslationChanged: {
            root.orbit(translation.x - last.x, translation.y - last.y)
            last = Qt.point(translation.x, translation.y)
        }
    }
    DragHandler {
        target: null
        acceptedButtons: Qt.LeftButton
        acceptedModifiers: Qt.ShiftModifier
        property point last
        onActiveChanged: last = Qt.point(0, 0)
        onTranslationChanged: {
            root.pan(translation.x - last.x, translation.y - last.y)
            last = Qt.point(translation.x, translation.y)
        }
    }
    DragHandler {
        target: null
        acceptedButtons: Qt.RightButton
        property point last
        onActiveChanged: last = Qt.point(0, 0)
        onTranslationChanged: {
            root.pan(translation.x - last.x, translation.y - last.y)
            last = Qt.point(translation.x, translation.y)
        }
    }
    WheelHandler {
        target: null
        onWheel: function (event) { root.zoom(Math.pow(0.9985, event.angleDelta.y)) }
    }
    PinchHandler {
        target: null
        property real startDistance: root.distance
        onActiveChanged: if (active) startDistance = root.distance
        onScaleChanged: if (active && scale > 0) root.zoom(startDistance / scale / root.distance)
    }
    TapHandler {
        acceptedButtons: Qt.LeftButton
        onDoubleTapped: root.resetView()
    }
    Timer {
        id: boundsTimer
        interval: 1500
        running: loader.status === RuntimeLoader.Success && root.modelRadius <= 0
        onTriggered: root.boundsSettled = true
    }
    Connections {
        target: loader
        function onSourceChanged() { root.boundsSettled = false }
    }
    Timer {
        interval: 16
        repeat: true
        running: root.autoRotate && root.loaded && root.visible && !orbitDrag.active
        onTriggered: root.yaw += 0.3
    }
    onFitDistanceChanged: resetView()

    Image {
        anchors.fill: parent
        visible: !root.loaded && !root.failed && status === Image.Ready
        asynchronous: true
        fillMode: Image.PreserveAspectFit
        source: root.previewUrl
        opacity: 0.5
    }

    // Download progress, then the short synchronous load.
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spaceXl, 320)
        visible: !root.loaded && !root.failed
        spacing: Theme.spaceS
        Icon { Layout.alignment: Qt.AlignHCenter; name: "cube"; color: Theme.textMuted; size: 40 }
        Text {
            textFormat: Text.PlainText
            Layout.alignment: Qt.AlignHCenter
            text: file.status === ModelFile.Downloading
                  ? qsTr("Downloading 3D model… %1%").arg(Math.round(file.progress * 100))
                  : qsTr("Preparing 3D model…")
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }
        Basic.ProgressBar {
            id: progress
            Layout.fillWidth: true
            from: 0
            to: 1
            value: file.progress
            indeterminate: file.status !== ModelFile.Downloading || file.progress <= 0
            background: Rectangle { implicitHeight: 6; radius: 3; color: Theme.surfaceSunken }
            contentItem: Item {
                Rectangle {
                    width: progress.indeterminate ? parent.width * 0.3 : progress.visualPosition * parent.width
                    height: parent.height
                    radius: 3
                    color: Theme.accent
                }
            }
        }
    }

    EmptyState {
        objectName: "modelError"
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spaceXl, 400)
        visible: root.failed
        iconName: "alert"
        title: qsTr("3D view unavailable")
        detail: root.errorText
        actionText: file.status === ModelFile.Failed ? qsTr("Try again") : ""
        onAction: file.retry()
    }

    // Controls and a hint, bottom of the viewport.
    RowLayout {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: Theme.spaceM }
        visible: root.loaded
        spacing: Theme.spaceS
        Rectangle {
            visible: root.quality === "approximate"
            implicitWidth: qualityText.implicitWidth + Theme.spaceM
            implicitHeight: 28
            radius: 14
            color: Theme.warningSoft
            Text {
                id: qualityText
                textFormat: Text.PlainText
                anchors.centerIn: parent
                text: qsTr("Approximate model")
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontCaption
                color: Theme.warning
            }
        }
        Text {
            objectName: "modelHint"
            textFormat: Text.PlainText
            Layout.fillWidth: true
            opacity: root.interacted ? 0 : 1
            Behavior on opacity { NumberAnimation { duration: Theme.animationNormal } }
            text: qsTr("Drag to turn · Scroll to zoom · Right-drag to pan · Double-click to reset")
            elide: Text.ElideRight
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontCaption
            color: Theme.textMuted
        }
        IconButton {
            objectName: "autoRotateButton"
            iconName: "rotate"
            iconColor: root.autoRotate ? Theme.accent : Theme.textMuted
            tip: root.autoRotate ? qsTr("Stop turning") : qsTr("Turn automatically")
            onClicked: root.autoRotate = !root.autoRotate
        }
        IconButton {
            iconName: "crosshair"
            iconColor: Theme.textMuted
            tip: qsTr("Reset view (double-click)")
            onClicked: root.resetView()
        }
    }
}
