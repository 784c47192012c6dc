<?php
/* WordPress's own export format (WXR) imported through WordPress's functions, for WordPress's theme unit test data
 * (the public WordPress/theme-test-data repository, GPL; not shipped with blogarchive: fill.php calls this when
 * WP_THEME_TEST_DATA names a copy of themeunittestdata.wordpress.xml). Authors, categories, tags, posts and pages
 * (drafts, private and password-protected ones as they are) and their comments with their threads. Attachments
 * are not imported: their files are on the internet, which the tests never reach. */
function blogarchive_import_wxr(string $file, array $users): void {
    $xml = simplexml_load_file($file, 'SimpleXMLElement', LIBXML_NOCDATA);
    if ($xml === false) {
        fwrite(STDERR, "$file is not a WXR file\n");
        exit(1);
    }
    $wp = 'http://wordpress.org/export/1.2/';
    foreach ($xml->getDocNamespaces() as $prefix => $uri) {
        if ($prefix === 'wp') {
            $wp = $uri;
        }
    }
    $channel = $xml->channel;
    foreach ($channel->children($wp)->author as $author) {
        $login = (string) $author->author_login;
        if (!isset($users[$login])) {
            $users[$login] = wp_insert_user([
                'user_login' => $login, 'user_pass' => wp_generate_password(), 'role' => 'author',
                'user_email' => (string) $author->author_email ?: "$login@example.org",
                'display_name' => (string) $author->author_display_name ?: $login,
            ]);
        }
    }
    $ids = [];
    $parents = [];
    foreach ($channel->item as $item) {
        $post = $item->children($wp);
        $type = (string) $post->post_type;
        if (!in_array($type, ['post', 'page'], true)) {
            continue;
        }
        $login = (string) $item->children('http://purl.org/dc/elements/1.1/')->creator;
        $id = wp_insert_post([
            'post_type' => $type, 'post_title' => (string) $item->title, 'post_name' => (string) $post->post_name,
            'post_content' => (string) $item->children('http://purl.org/rss/1.0/modules/content/')->encoded,
            'post_excerpt' => (string) $item->children('http://wordpress.org/export/1.2/excerpt/')->encoded,
            'post_status' => (string) $post->status, 'post_password' => (string) $post->post_password,
            'post_date' => (string) $post->post_date, 'post_author' => $users[$login] ?? 1,
            'comment_status' => (string) $post->comment_status ?: 'open', 'menu_order' => (int) $post->menu_order,
        ], true);
        if (is_wp_error($id)) {
            continue;
        }
        $ids[(string) $post->post_id] = $id;
        $parents[$id] = (string) $post->post_parent;
        $terms = ['category' => [], 'post_tag' => []];
        foreach ($item->category as $category) {
            $domain = (string) $category['domain'];
            if (isset($terms[$domain])) {
                $terms[$domain][] = (string) $category;
            }
        }
        if ($type === 'post') {
            wp_set_post_terms($id, blogarchive_terms($terms['category'], 'category'), 'category');
            wp_set_post_terms($id, $terms['post_tag'], 'post_tag');
        }
        $comments = [];
        foreach ($post->comment as $comment) {
            $approved = (string) $comment->comment_approved;
            $comments[(string) $comment->comment_id] = wp_insert_comment([
                'comment_post_ID' => $id, 'comment_author' => (string) $comment->comment_author,
                'comment_author_email' => (string) $comment->comment_author_email,
                'comment_author_url' => (string) $comment->comment_author_url,
                'comment_date' => (string) $comment->comment_date, 'comment_content' => (string) $comment->comment_content,
                'comment_approved' => $approved === 'spam' ? 'spam' : (int) $approved,
                'comment_parent' => $comments[(string) $comment->comment_parent] ?? 0,
                'comment_type' => (string) $comment->comment_type ?: 'comment',
            ]);
        }
    }
    foreach ($parents as $id => $parent) {
        if (isset($ids[$parent])) {
            wp_update_post(['ID' => $id, 'post_parent' => $ids[$parent]]);
        }
    }
}
