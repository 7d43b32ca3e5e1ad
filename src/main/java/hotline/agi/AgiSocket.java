package hotline.agi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * One FastAGI connection, in the shape Asterisk-Java's connection handler reads and
 * writes (its own implementation cannot be built from an accepted socket outside
 * its package).
 */
final class AgiSocket implements SocketConnectionFacade {

    private final Socket socket;
    private final BufferedReader in;
    private final Writer out;

    AgiSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    @Override public String readLine() throws IOException { return in.readLine(); }
    @Override public void write(String s) throws IOException { out.write(s); }
    @Override public void flush() throws IOException { out.flush(); }
    @Override public void close() throws IOException { socket.close(); }
    @Override public boolean isConnected() { return socket.isConnected() && !socket.isClosed(); }
    @Override public InetAddress getLocalAddress() { return socket.getLocalAddress(); }
    @Override public int getLocalPort() { return socket.getLocalPort(); }
    @Override public InetAddress getRemoteAddress() { return socket.getInetAddress(); }
    @Override public int getRemotePort() { return socket.getPort(); }
}
