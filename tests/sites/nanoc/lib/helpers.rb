# nanoc's own helpers for a blog: articles and the Atom feed (Blogging), tag links (Tagging), links (LinkTo).
use_helper Nanoc::Helpers::Blogging
use_helper Nanoc::Helpers::Tagging
use_helper Nanoc::Helpers::LinkTo
use_helper Nanoc::Helpers::Rendering
