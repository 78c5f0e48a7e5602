"""A loopback TCP forwarder that can refuse or hang, to play a failing database in tests.

- `refuse()`: the port is closed and every connection through it is cut, as when PostgreSQL
  is stopped: clients get "connection refused" or an immediate end of stream.
- `hang()`: connections are accepted and bytes are taken, but nothing is passed on either way,
  as when PostgreSQL is stopped with SIGSTOP or the network drops everything: clients wait.
- `forward()`: back to normal; what a hang held back is passed on.
"""

import contextlib
import socket
import threading


class TcpProxy:
    def __init__(self, target_port: int):
        self.target_port = target_port
        self.flowing = threading.Event()
        self.flowing.set()
        self.lock = threading.Lock()
        self.sockets: list[socket.socket] = []
        self.listener: socket.socket | None = None
        self.port = 0
        self.accepted = 0  # connections accepted so far
        self.listen()

    def listen(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(128)
        self.listener, self.port = listener, listener.getsockname()[1]
        threading.Thread(target=self.accept_forever, args=(listener,), daemon=True).start()

    def accept_forever(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # closed by refuse() or close()
            self.keep(client)
            self.accepted += 1
            threading.Thread(target=self.connect, args=(client,), daemon=True).start()

    def connect(self, client: socket.socket) -> None:
        self.flowing.wait()  # while hung, a new connection is accepted and left waiting
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
        except OSError:
            client.close()
            return
        self.keep(upstream)
        threading.Thread(target=self.pipe, args=(client, upstream), daemon=True).start()
        threading.Thread(target=self.pipe, args=(upstream, client), daemon=True).start()

    def pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                self.flowing.wait()
                sink.sendall(data)
        except OSError:
            pass
        finally:
            cut(sink)

    def keep(self, connection: socket.socket) -> None:
        with self.lock:
            self.sockets.append(connection)

    def refuse(self) -> None:
        self.close()

    def hang(self, *, seconds: float | None = None) -> None:
        """Hold everything back, for `seconds` if given (a test then fails rather than hangs)."""
        self.flowing.clear()
        if seconds is not None:
            threading.Timer(seconds, self.flowing.set).start()

    def forward(self) -> None:
        if self.listener is None:
            self.listen()
        self.flowing.set()

    def close(self) -> None:
        if self.listener is not None:
            cut(self.listener)  # a listener only closed would still accept one more connection
            self.listener = None
        with self.lock:
            connections, self.sockets = self.sockets, []
        for connection in connections:
            cut(connection)
        self.flowing.set()  # lets waiting threads run into the closed sockets and end


def cut(connection: socket.socket) -> None:
    """Shut down first: it wakes a thread blocked reading the socket, which close() does not."""
    with contextlib.suppress(OSError):  # already cut
        connection.shutdown(socket.SHUT_RDWR)
    connection.close()
