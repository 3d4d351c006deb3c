// The real server with the demo catalogue for GUI tests and the benchmark.
// When the demo assets carry no 3D model yet, it seeds from a copy of them
// (symlinks) in which the first item gets a generated model, so the 3D tab
// always has something to show.
#pragma once

#include "support/ServerProcess.h"

#include <QTemporaryDir>
#include <memory>

namespace bitmarket::test {

class DemoServer {
public:
    DemoServer();
    // `extraArgs`: more server options (short auctions for the auction test, say).
    bool start(const QStringList& extraArgs = {});
    void stop() { m_server.stop(); }
    // Starts again after stop(), on the same addresses, as a restarted server would be.
    bool restart();
    QUrl httpUrl() const { return m_server.httpUrl(); }
    QByteArray output() const { return m_server.output(); }
    static constexpr const char* kUser = "minji";
    static constexpr const char* kPassword = "bitmarket-demo";

private:
    QString prepareAssets();

    ServerProcess m_server;
    QStringList m_args;
    std::unique_ptr<QTemporaryDir> m_assets;
};

} // namespace bitmarket::test
