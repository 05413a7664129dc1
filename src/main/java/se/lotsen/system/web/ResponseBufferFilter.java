package se.lotsen.system.web;

import java.io.IOException;
import java.io.PrintWriter;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Pages are written into a buffer large enough for the longest of them, and the template engine's flush at the end of
 * a page does not commit the response early. Committing early makes Spring Session save the session when the page is
 * written and then read and check it again when the request ends: two statements more on every page. The response is
 * still sent in full when the request ends (or when a page outgrows the buffer).
 */
@Configuration(proxyBeanMethods = false)
class ResponseBufferFilter {

    static final int BUFFER_SIZE = 256 * 1024;

    @Bean
    FilterRegistrationBean<Filter> responseBuffer() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                if (!response.isCommitted() && response.getBufferSize() < BUFFER_SIZE) {
                    response.setBufferSize(BUFFER_SIZE);
                }
                chain.doFilter(request, response instanceof HttpServletResponse http ? new NoEarlyFlush(http)
                        : response);
            }
        });
        // Just inside the session filter (Integer.MIN_VALUE + 50): its wrapper must not see the template's flush.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 60);
        return registration;
    }

    /**
     * A response whose writer and output stream ignore flush(): the container sends the answer when the request
     * ends. So an API answer (which the JSON writer flushes) reaches the client only after the request's audit entry
     * was written (after the handler): a client that got 201 can rely on the write and its audit entry being saved.
     */
    static final class NoEarlyFlush extends HttpServletResponseWrapper {

        private PrintWriter writer;
        private ServletOutputStream stream;

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return out.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        out.setWriteListener(listener);
                    }

                    @Override
                    public void write(int b) throws IOException {
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void flush() {
                        // sent when the request ends (or when the answer outgrows the buffer)
                    }

                    @Override
                    public void close() throws IOException {
                        out.close();
                    }
                };
            }
            return stream;
        }

        NoEarlyFlush(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(super.getWriter(), false) {
                    @Override
                    public void flush() {
                        // sent when the request ends
                    }
                };
            }
            return writer;
        }
    }
}
