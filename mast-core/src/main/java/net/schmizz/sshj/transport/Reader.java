/*
 * Adapted from sshj 0.39.0's net.schmizz.sshj.transport.Reader,
 * Copyright (C)2009 - SSHJ Contributors, licensed under the Apache License, Version 2.0
 * (http://www.apache.org/licenses/LICENSE-2.0). Changed by Mast: the receive buffer.
 */
package net.schmizz.sshj.transport;

import java.io.InputStream;
import java.net.SocketTimeoutException;
import org.slf4j.Logger;

/**
 * sshj's reader thread, one per connection, with a small receive buffer. sshj's own allocates
 * the largest packet it accepts (256 KiB) for every connection and keeps it for the connection's
 * life: 256 MB of heap for the 1,000 connections of a 1,000-node run. The decoder takes its input
 * in pieces of any size, so reading at most {@link #RECEIVE_BUFFER_BYTES} at a time changes
 * nothing else. Mast's jar precedes sshj's on every class path (the app's manifest, Maven's test
 * class paths), so this class is the one loaded; {@code OpenSshTest} fails if it is not.
 */
public final class Reader extends Thread {
    /**
     * Mast's SSH channels ask for packets of at most 8 KiB (Dialer's MAX_PACKET), and the reader
     * never reads past the packet the decoder is completing: 9 KiB holds such a packet with its
     * header, padding and MAC, so a larger buffer would only hold heap (23 MB more at 1,000 nodes
     * with 32 KiB). A larger packet (a server's transport message) is read in more pieces.
     */
    public static final int RECEIVE_BUFFER_BYTES = 9 * 1024;

    private final Logger log;
    private final TransportImpl trans;

    public Reader(TransportImpl trans) {
        this.trans = trans;
        this.log = trans.getConfig().getLoggerFactory().getLogger(getClass());
        setName("sshj-Reader");
        setDaemon(true);
    }

    @Override
    public void run() {
        try {
            Decoder decoder = trans.getDecoder();
            InputStream in = trans.getConnInfo().in;
            byte[] buffer = new byte[RECEIVE_BUFFER_BYTES];
            int needed = 1;
            while (!isInterrupted()) {
                int read;
                try {
                    read = in.read(buffer, 0, Math.min(needed, buffer.length));
                } catch (SocketTimeoutException e) {
                    if (isInterrupted()) {
                        throw e;
                    }
                    continue;
                }
                if (read == -1) {
                    throw new TransportException("Broken transport; encountered EOF");
                }
                needed = decoder.received(buffer, read);
            }
        } catch (Exception e) {
            if (!isInterrupted()) {
                trans.die(e);
            }
        }
        log.debug("Stopping");
    }
}
