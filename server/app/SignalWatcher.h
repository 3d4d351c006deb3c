// Turns SIGTERM/SIGINT (shut down) and SIGHUP (reload the certificate) into Qt signals
// on the main thread (self-pipe), so they run as ordinary code instead of inside a
// signal handler.
#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace bitmarket::server {

class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);
    void reloadRequested();

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace bitmarket::server
