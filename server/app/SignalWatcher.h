// Turns SIGTERM/SIGINT into a Qt signal on the main thread (self-pipe), so
// shutdown runs as ordinary code instead of inside a signal handler.
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

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace bitmarket::server
