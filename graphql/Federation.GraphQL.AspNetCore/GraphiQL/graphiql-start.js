// Mounts GraphiQL on the page served by the endpoint; the endpoint's URL is in data-endpoint.
(function () {
  'use strict';
  var container = document.getElementById('graphiql');
  var fetcher = GraphiQL.createFetcher({ url: container.getAttribute('data-endpoint') });
  ReactDOM.createRoot(container).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultEditorToolbarTabs: 'variables' }));
})();
