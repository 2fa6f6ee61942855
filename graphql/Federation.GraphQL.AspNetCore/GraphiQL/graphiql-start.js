// Mounts GraphiQL on the page served by the endpoint; the endpoint's URL is in data-endpoint, and the
// headers the editor opens with (a development token, say), when the endpoint offers any, in data-headers.
(function () {
  'use strict';
  var container = document.getElementById('graphiql');
  var fetcher = GraphiQL.createFetcher({ url: container.getAttribute('data-endpoint') });
  var props = { fetcher: fetcher, defaultEditorToolbarTabs: 'variables' };
  var headers = container.getAttribute('data-headers');
  if (headers) {
    // headers fills the first tab; defaultHeaders every tab opened later.
    props.headers = headers;
    props.defaultHeaders = headers;
    props.defaultEditorToolbarTabs = 'headers';
  }
  ReactDOM.createRoot(container).render(React.createElement(GraphiQL, props));
})();
